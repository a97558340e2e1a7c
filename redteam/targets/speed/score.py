import json
import os

expected = json.load(open("data/expected.json"))["count"]
resources = json.load(open(os.environ["RATCHET_RESOURCES"]))
try:
    got = json.load(open(os.path.join(os.environ["RATCHET_RUN_OUT"], "count.json")))["count"]
except (OSError, ValueError, KeyError, TypeError) as e:
    print(json.dumps({"valid": False, "reason": "no readable count.json: %s" % e}))
    raise SystemExit(0)
if got != expected or isinstance(got, bool):
    print(json.dumps({"valid": False, "reason": "wrong count %r" % (got,)}))
    raise SystemExit(0)
print(json.dumps({"cpu_seconds": resources["cpu_seconds"], "wall_seconds": resources["wall_seconds"]}))
