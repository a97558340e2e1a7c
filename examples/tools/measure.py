"""Runs a command and writes what Ratchet's sandbox would measure of it, as $RATCHET_RESOURCES JSON.

Used by the examples' check.sh scripts (outside Ratchet). CPU time is the children's user + system time
from getrusage, wall time is measured around the process, peak memory is the children's max RSS.
Usage: python3 measure.py RESOURCES.json -- command args...   (exit status is the command's)
"""
import json
import resource
import subprocess
import sys
import time

target = sys.argv[1]
command = sys.argv[sys.argv.index("--") + 1:]
start = time.monotonic()
status = subprocess.run(command).returncode
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(target, "w") as f:
    json.dump({"cpu_seconds": round(usage.ru_utime + usage.ru_stime, 4), "wall_seconds": round(wall, 4),
               "max_rss_mb": round(usage.ru_maxrss / 1024.0, 1)}, f)
sys.exit(status)
