"""poly-fit scorer (trusted): mean squared error of the run's predictions against data/y.json.

Reads $RATCHET_RUN_OUT/predictions.json (written by the candidate, so treated as hostile:
size-capped, no NaN or infinity, exactly one finite number per answer) and prints one JSON
object as its last line: {"mse": ..., "valid": true, "n": ...} or {"valid": false, "reason": ...}.
"""
import json
import math
import os
import sys

MAX_BYTES = 1 << 20


def invalid(reason):
    print(json.dumps({"valid": False, "reason": reason}))
    sys.exit(0)


def reject_constant(name):
    raise ValueError(f"{name} is not a number")


def main():
    with open("data/y.json") as f:
        answers = json.load(f)
    path = os.path.join(os.environ["RATCHET_RUN_OUT"], "predictions.json")
    if not os.path.isfile(path):
        invalid("the run wrote no predictions.json")
    if os.path.getsize(path) > MAX_BYTES:
        invalid(f"predictions.json is larger than {MAX_BYTES} bytes")
    try:
        with open(path) as f:
            predictions = json.load(f, parse_constant=reject_constant)
    except (ValueError, UnicodeDecodeError) as e:
        invalid(f"predictions.json is not valid JSON: {e}")
    if not isinstance(predictions, list) or len(predictions) != len(answers):
        invalid(f"expected a JSON list of {len(answers)} numbers")
    total = 0.0
    for p, y in zip(predictions, answers):
        if isinstance(p, bool) or not isinstance(p, (int, float)) or not math.isfinite(p):
            invalid("every prediction must be a finite number")
        total += (float(p) - y) ** 2
    mse = total / len(answers)
    if not math.isfinite(mse):
        invalid("the error overflowed")
    print(json.dumps({"mse": mse, "valid": True, "n": len(answers)}))


main()
