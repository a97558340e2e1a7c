"""What the benchmark scripts share: paths, file writing, the policy tail that keeps a run unattended, and the
section runner (build the CLI, run the chosen sections in a scratch folder, write the JSON)."""
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The CLI binary itself: `./ratchet` (which builds it and checks system packages first) runs once, in run_sections;
# timing the wrapper script would add its own start-up to every figure.
CLI = os.path.join(ROOT, ".build", "cli", "Ratchet.Cli")

# No human: no approval for meta changes, no promotion rate caps, checkpoints or cool-downs.
UNATTENDED = """[approval]
every_meta_change = false
[slowdown]
max_promotions_per_hour = false
max_promotions_per_evaluations = false
checkpoint_every_promotions = false
tripwire_cooldown_seconds = 0
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def run_sections(prefix, out, sections):
    """Builds the CLI, then runs each (name, function(root)) in a fresh scratch folder, printing and collecting each
    result; writes them all to `out`."""
    subprocess.run([os.path.join(ROOT, "ratchet"), "--version"], check=True, stdout=subprocess.DEVNULL)
    root = tempfile.mkdtemp(prefix=prefix)
    os.chmod(root, 0o755)
    results = {"machine": {"cpus": os.cpu_count(), "load": open("/proc/loadavg").read().split()[0]}}
    try:
        for name, section in sections:
            results[name] = section(root)
            print(json.dumps(results[name], indent=2), flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
    print(f"wrote {out}")
