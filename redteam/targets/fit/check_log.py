import json
import os

out = os.environ["RATCHET_RUN_OUT"]
log = json.load(open(os.path.join(out, "log.json")))
pred = json.load(open(os.path.join(out, "pred.json")))["y"]
if log.get("model") != "polynomial" or log.get("points") != len(pred):
    raise SystemExit("log.json must name the model and count every predicted point")
print("log complete")
