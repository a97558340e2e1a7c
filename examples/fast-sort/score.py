"""fast-sort scorer (trusted): checks the run's output, then reports Ratchet's own CPU measurement of the run.

Reads its own copy of data/arrays.bin (never the run's), the run's $RATCHET_RUN_OUT/sorted.bin (hostile:
bounds-checked, exact size) and $RATCHET_RESOURCES (measured by Ratchet from outside the run's sandbox).
Every output array must be exactly the sorted permutation of its input array. Prints one JSON object as its
last line: {"cpu_seconds": ..., "valid": true, ...} or {"valid": false, "reason": ...}.
"""
import json
import math
import os
import struct
import sys
from array import array


def invalid(reason):
    print(json.dumps({"valid": False, "reason": reason}))
    sys.exit(0)


def parse(data):
    """The arrays of a file in the task's format, or None when it is malformed."""
    if len(data) < 4:
        return None
    (count,) = struct.unpack_from("<i", data, 0)
    at, arrays = 4, []
    if count < 0 or count > len(data) // 4:
        return None
    for _ in range(count):
        if at + 4 > len(data):
            return None
        (length,) = struct.unpack_from("<i", data, at)
        at += 4
        if length < 0 or at + 4 * length > len(data):
            return None
        values = array("i")
        values.frombytes(data[at:at + 4 * length])
        if sys.byteorder == "big":
            values.byteswap()
        arrays.append(values)
        at += 4 * length
    return arrays if at == len(data) else None


def main():
    with open("data/arrays.bin", "rb") as f:
        inputs = parse(f.read())
    path = os.path.join(os.environ["RATCHET_RUN_OUT"], "sorted.bin")
    if not os.path.isfile(path):
        invalid("the run wrote no sorted.bin")
    expected_size = 4 + sum(4 + 4 * len(a) for a in inputs)
    if os.path.getsize(path) != expected_size:
        invalid(f"sorted.bin has {os.path.getsize(path)} bytes, expected {expected_size}")
    with open(path, "rb") as f:
        outputs = parse(f.read())
    if outputs is None or len(outputs) != len(inputs):
        invalid(f"sorted.bin is not {len(inputs)} arrays in the task's format")
    for k, (given, returned) in enumerate(zip(inputs, outputs)):
        if len(given) != len(returned) or array("i", sorted(given)) != returned:
            invalid(f"array {k} is not the sorted permutation of its input")
    try:
        with open(os.environ["RATCHET_RESOURCES"]) as f:
            resources = json.load(f)
        cpu = float(resources["cpu_seconds"])
    except (KeyError, ValueError, TypeError, OSError) as e:
        invalid(f"no usable measurement in $RATCHET_RESOURCES: {e}")
    if not math.isfinite(cpu) or cpu < 0:
        invalid("the measured CPU time is not a finite, non-negative number")
    print(json.dumps({"cpu_seconds": cpu, "wall_seconds": resources.get("wall_seconds"),
                      "max_rss_mb": resources.get("max_rss_mb"), "valid": True,
                      "arrays": len(inputs), "values": sum(len(a) for a in inputs)}))


main()
