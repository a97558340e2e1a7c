"""circle-packing scorer (trusted): checks 26 circles in the unit square with ZERO tolerance.

Reads $RATCHET_RUN_OUT/circles.json, {"circles": [[x, y, r], ...]}, written by the candidate and so
treated as hostile. Every number is taken exactly as printed (a JSON number's decimal text becomes
a fractions.Fraction; NaN, infinity, strings, booleans and absurd exponents are refused) and every
check is exact rational arithmetic, so a pair that overlaps by 1e-30 fails even where floating
point would round it into touching:
  exactly 26 circles; r >= 0; x - r >= 0, x + r <= 1, y - r >= 0, y + r <= 1;
  (xi - xj)^2 + (yi - yj)^2 >= (ri + rj)^2 for every pair (touching is allowed).
Prints one JSON object as its last line: {"sum_radii": ..., "valid": true, ...} or
{"valid": false, "reason": ...}.
"""
import json
import os
import re
import sys
from fractions import Fraction

COUNT = 26
MAX_BYTES = 1 << 20
# A number as JSON writes it, short enough that exact arithmetic on it stays cheap.
DECIMAL = re.compile(r"-?(0|[1-9]\d{0,39})(\.\d{1,40})?([eE][-+]?\d{1,2})?")


class Refused(ValueError):
    pass


def exact(text):
    if not DECIMAL.fullmatch(text):
        raise Refused(f"number {text[:40]!r} is not a plain decimal of at most 40 digits and a 2-digit exponent")
    return Fraction(text)


def refuse_constant(name):
    raise Refused(f"{name} is not a finite number")


def invalid(reason):
    print(json.dumps({"valid": False, "reason": reason}))
    sys.exit(0)


def load(path):
    if not os.path.isfile(path):
        invalid("the run wrote no circles.json")
    if os.path.getsize(path) > MAX_BYTES:
        invalid(f"circles.json is larger than {MAX_BYTES} bytes")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f, parse_float=exact, parse_int=exact, parse_constant=refuse_constant)
    except Refused as e:
        invalid(str(e))
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        invalid(f"circles.json is not valid JSON: {e}")
    circles = data.get("circles") if isinstance(data, dict) else None
    if not isinstance(circles, list) or len(circles) != COUNT:
        invalid(f'expected {{"circles": [[x, y, r], ...]}} with exactly {COUNT} circles')
    for k, c in enumerate(circles):
        if not (isinstance(c, list) and len(c) == 3 and all(isinstance(v, Fraction) for v in c)):
            invalid(f"circle {k} is not a list of three numbers [x, y, r]")
    return circles


def check(circles):
    for k, (x, y, r) in enumerate(circles):
        if r < 0:
            invalid(f"circle {k} has a negative radius")
        if x - r < 0 or x + r > 1 or y - r < 0 or y + r > 1:
            invalid(f"circle {k} is not inside the unit square")
    for i in range(COUNT):
        xi, yi, ri = circles[i]
        for j in range(i + 1, COUNT):
            xj, yj, rj = circles[j]
            if (xi - xj) ** 2 + (yi - yj) ** 2 < (ri + rj) ** 2:
                invalid(f"circles {i} and {j} overlap")


def main():
    circles = load(os.path.join(os.environ["RATCHET_RUN_OUT"], "circles.json"))
    check(circles)
    total = sum(r for _, _, r in circles)
    print(json.dumps({"sum_radii": float(total), "valid": True, "circles": COUNT}))


main()
