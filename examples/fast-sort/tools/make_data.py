"""Regenerates data/arrays.bin and sealed/arrays.bin for the fast-sort example (not part of the task; output is shipped).

Format (little-endian): int32 number of arrays, then for each array an int32 length and that many int32 values.
The visible set and the sealed set use different sizes and distributions, so a program tuned to the visible
shapes - or one that recognises them - is caught by the holdout.
Usage: /usr/bin/python3 tools/make_data.py   (from examples/fast-sort)
"""
import random
import struct
import sys
from array import array

rng = random.Random(1618033)
INT_MAX = 2**31 - 1


def uniform(n):
    return [rng.randint(-INT_MAX - 1, INT_MAX) for _ in range(n)]


def nearly_sorted(n, swaps):
    a = sorted(uniform(n))
    for _ in range(swaps):
        i, j = rng.randrange(n), rng.randrange(n)
        a[i], a[j] = a[j], a[i]
    return a


def few_distinct(n, k):
    return [rng.randrange(k) for _ in range(n)]


def organ_pipe(n):
    half = [rng.randint(0, 10**6) for _ in range(n // 2)]
    half.sort()
    return half + half[::-1]


def clustered(n):
    centres = [rng.randint(-10**9, 10**9) for _ in range(8)]
    return [int(rng.gauss(rng.choice(centres), 1000)) for _ in range(n)]


def write(path, arrays):
    out = bytearray(struct.pack("<i", len(arrays)))
    for a in arrays:
        out += struct.pack("<i", len(a))
        values = array("i", a)
        if sys.byteorder == "big":
            values.byteswap()
        out += values.tobytes()
    with open(path, "wb") as f:
        f.write(out)


visible = [
    uniform(250_000),
    nearly_sorted(60_000, 6),
    few_distinct(100_000, 8),
    sorted(uniform(40_000), reverse=True),
    organ_pipe(50_000),
]
sealed = [
    uniform(150_000),
    sorted(uniform(80_000)),
    few_distinct(80_000, 3),
    clustered(100_000),
    nearly_sorted(50_000, 2_500)[::-1],
] + [uniform(rng.randint(0, 300)) for _ in range(400)]
write("data/arrays.bin", visible)
write("sealed/arrays.bin", sealed)
print("visible:", [len(a) for a in visible], "sealed:", len(sealed), "arrays,", sum(len(a) for a in sealed), "values")
