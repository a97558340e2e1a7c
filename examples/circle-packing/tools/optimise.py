"""Offline feasibility check for the circle-packing benchmark - NOT part of the task.

A stand-in for a literal-mutating proposer: it rewrites the numeric literals of program.py's
evolve block (one literal, all literals of one line, or all literals jointly, each with a
self-adapting step size), runs the program's own relax() and place() in-process, and keeps a
change when the sum of radii does not drop - a (1+1) evolution strategy. It reports the best
sum per 500 evaluations and can write the best program. The scorer is not involved (the
program always prints a feasible packing; check.sh scores a written program strictly).
Usage: python3 tools/optimise.py [evaluations] [seed] [--write path.py]   (the best program is rewritten every 500)
"""
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d*(?:[eE][-+]?\d+)?|(?<![\w.])-?\d+(?![\w.])")


def split(text):
    start = text.index("# EVOLVE-BLOCK-START\n") + len("# EVOLVE-BLOCK-START\n")
    end = text.index("# EVOLVE-BLOCK-END")
    return text[:start], text[start:end], text[end:]


def literals(block):
    """(line index, start, end, value, is_int) of every literal outside comments."""
    found = []
    for li, line in enumerate(block.split("\n")):
        code = line.split("#", 1)[0]
        for m in NUMBER.finditer(code):
            text = m.group(0)
            is_int = re.fullmatch(r"-?\d+", text) is not None
            found.append((li, m.start(), m.end(), int(text) if is_int else float(text), is_int))
    return found


def rewrite(block, values, found):
    lines = block.split("\n")
    for (li, start, end, _, is_int), value in sorted(zip(found, values), key=lambda p: (-p[0][0], -p[0][1])):
        text = str(int(value)) if is_int else repr(round(value, 6))
        lines[li] = lines[li][:start] + text + lines[li][end:]
    return "\n".join(lines)


def evaluate(text):
    namespace = {"__name__": "candidate"}
    exec(compile(text, "program.py", "exec"), namespace)
    packing = namespace["relax"](
        namespace["CIRCLES"], namespace["RELAX_STEPS"], namespace["LEARNING_RATE"], namespace["LEARNING_DECAY"],
        namespace["PENALTY_START"], namespace["PENALTY_GROWTH"])
    return sum(r for _, _, r in packing)


def optimise(evaluations, seed, checkpoint=None):
    rng = random.Random(seed)
    with open(os.path.join(os.path.dirname(HERE), "program.py")) as f:
        head, block, tail = split(f.read())
    found = literals(block)
    best = [v for *_, v, _ in found]
    best_text = head + block + tail
    best_score = evaluate(best_text)
    sigma = [0.1 * abs(v) if v else 0.01 for v in best]
    lines = sorted({li for li, *_ in found})
    history = [(0, best_score)]
    for step in range(1, evaluations + 1):
        kind = rng.random()
        if kind < 0.4:
            touched = [rng.randrange(len(best))]
            scale = 1.0
        elif kind < 0.8:
            line = rng.choice(lines)
            touched = [k for k, f in enumerate(found) if f[0] == line]
            scale = 1.0
        else:
            touched = list(range(len(best)))
            scale = 0.2
        cand = list(best)
        for k in touched:
            step_k = rng.gauss(0.0, sigma[k] * scale)
            if found[k][4]:
                step_k = round(step_k) or rng.choice((-1, 1))
            cand[k] += step_k
        text = head + rewrite(block, cand, found) + tail
        try:
            score = evaluate(text)
        except Exception:  # a literal went out of its domain: the run would crash
            score = -1.0
        success = score >= best_score
        if success:
            best, best_score, best_text = cand, score, text
        factor = math.exp(0.8 / len(touched) ** 0.5) if success else math.exp(-0.2 / len(touched) ** 0.5)
        for k in touched:
            sigma[k] = min(max(sigma[k] * factor, 1e-6), 10.0 * (abs(best[k]) + 0.01))
        if step % 500 == 0:
            history.append((step, best_score))
            print(f"evaluation {step:6d}  best {best_score:.6f}", flush=True)
            if checkpoint:
                with open(checkpoint, "w") as f:
                    f.write(best_text)
    return best_text, best_score, history


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    evaluations = int(args[0]) if args else 5000
    seed = int(args[1]) if len(args) > 1 else 1
    target = sys.argv[sys.argv.index("--write") + 1] if "--write" in sys.argv else None
    text, score, history = optimise(evaluations, seed, checkpoint=target)
    print(f"initial {history[0][1]:.6f}  best {score:.6f} after {evaluations} evaluations (seed {seed})")
    if target:
        with open(target, "w") as f:
            f.write(text)
