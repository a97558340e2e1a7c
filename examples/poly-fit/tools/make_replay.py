"""Regenerates replay.jsonl for the poly-fit example (not part of the task; output is shipped).

Each line is one proposal {"label": ..., "files": {path: full new content}} for the replay proposer:
honest improvements, a worse change, a crash, a scorer overwrite (must be rejected), a duplicate of the
initial program, and an overfit that wins on the visible data but loses on the sealed holdout.
Usage: /usr/bin/python3 tools/make_replay.py   (from examples/poly-fit)
"""
import json

with open("program.py") as f:
    INITIAL = f.read()
LINE = "COEFFICIENTS = [0.0, 1.0, 0.0, 0.0]"
assert INITIAL.count(LINE) == 1


def with_block(new_lines):
    return {"program.py": INITIAL.replace(LINE, new_lines)}


def coefficients(values):
    return with_block("COEFFICIENTS = [" + ", ".join(repr(v) for v in values) + "]")


CHEATING_SCORER = 'import json\nprint(json.dumps({"mse": 0.0, "valid": True}))\n'
DEGREE_9 = [0.5112, -1.1634, 1.1213, -0.2528, -0.7629, 0.5676, 0.3285, -0.2323, -0.0462, 0.0317]

proposals = [
    ("linear: negative slope", coefficients([0.0, -1.0, 0.0, 0.0])),
    ("add an offset, steepen the slope", coefficients([0.6, -1.3, 0.0, 0.0])),
    ("add the quadratic term", coefficients([0.6, -1.3, 0.5, 0.0])),
    ("add the cubic term", coefficients([0.65, -1.32, 0.47, 0.28])),
    ("flip the quadratic's sign (worse)", coefficients([0.65, -1.32, -0.47, 0.28])),
    ("load coefficients from a helper that does not exist (crashes)",
     with_block("COEFFICIENTS = load_coefficients()  # NameError at run time")),
    ("make the scorer report a perfect fit (touches a protected file: must be rejected)",
     {"score.py": CHEATING_SCORER}),
    ("the initial program again (duplicate: never evaluated twice)", {"program.py": INITIAL}),
    ("least-squares cubic", coefficients([0.647, -1.3227, 0.4737, 0.2849])),
    ("degree-9 least squares (overfits: better visible score, worse holdout)", coefficients(DEGREE_9)),
]

with open("replay.jsonl", "w") as out:
    for label, files in proposals:
        out.write(json.dumps({"label": label, "files": files}) + "\n")
