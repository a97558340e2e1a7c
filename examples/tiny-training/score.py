"""tiny-training scorer (trusted): validation cross-entropy of the run's predicted probabilities.

Reads $RATCHET_RUN_OUT/predictions.csv (one line per row of data/val_y.csv: three comma-separated
class probabilities), written by the candidate and so treated as hostile: every value must be a
finite, non-negative number and every row must have a positive sum (rows are renormalised, and a
probability is floored at 1e-6 so one confident mistake costs at most ln(1e6) = 13.8). Prints one
JSON object as its last line: {"val_loss": ..., "accuracy": ..., "valid": true, ...} or
{"valid": false, "reason": ...}. The holdout runs this same scorer with sealed test labels.
"""
import json
import math
import os
import sys

CLASSES = 3
FLOOR = 1e-6
MAX_BYTES = 1 << 20


def invalid(reason):
    print(json.dumps({"valid": False, "reason": reason}))
    sys.exit(0)


def main():
    with open("data/val_y.csv") as f:
        labels = [int(line) for line in f.read().split()[1:]]
    path = os.path.join(os.environ["RATCHET_RUN_OUT"], "predictions.csv")
    if not os.path.isfile(path):
        invalid("the run wrote no predictions.csv")
    if os.path.getsize(path) > MAX_BYTES:
        invalid(f"predictions.csv is larger than {MAX_BYTES} bytes")
    try:
        with open(path, encoding="ascii") as f:
            lines = [line for line in f.read().splitlines() if line.strip()]
    except UnicodeDecodeError:
        invalid("predictions.csv is not plain ASCII text")
    if len(lines) != len(labels):
        invalid(f"expected {len(labels)} rows of predictions, found {len(lines)}")
    loss, correct = 0.0, 0
    for n, (line, label) in enumerate(zip(lines, labels), start=1):
        try:
            p = [float(v) for v in line.split(",")]
        except ValueError:
            invalid(f"row {n} is not {CLASSES} comma-separated numbers")
        if len(p) != CLASSES or not all(math.isfinite(v) and v >= 0.0 for v in p):
            invalid(f"row {n} must hold {CLASSES} finite, non-negative probabilities")
        total = sum(p)
        if not total > 0.0 or not math.isfinite(total):
            invalid(f"row {n}'s probabilities do not have a positive, finite sum")
        loss -= math.log(max(p[label] / total, FLOOR))
        correct += max(range(CLASSES), key=lambda c: p[c]) == label
    print(json.dumps({"val_loss": loss / len(labels), "accuracy": correct / len(labels), "valid": True, "rows": len(labels)}))


main()
