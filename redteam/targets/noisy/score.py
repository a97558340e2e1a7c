import json
import math
import os

out = os.environ["RATCHET_RUN_OUT"]
answers = json.load(open("answers/visible.json"))["y"]
try:
    pred = json.load(open(os.path.join(out, "pred.json")))["y"]
except (OSError, ValueError, KeyError, TypeError) as e:
    print(json.dumps({"valid": False, "reason": "no readable pred.json: %s" % e}))
    raise SystemExit(0)
if not isinstance(pred, list) or len(pred) != len(answers):
    print(json.dumps({"valid": False, "reason": "pred.json must hold one prediction per query point"}))
    raise SystemExit(0)
total = 0.0
for p, y in zip(pred, answers):
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not math.isfinite(p):
        print(json.dumps({"valid": False, "reason": "a prediction is not a finite number"}))
        raise SystemExit(0)
    total += (p - y) ** 2
print(json.dumps({"mse": total / len(answers)}))
