"""Offline feasibility check for the circle-packing benchmark - NOT part of the task.

A stand-in for a literal-mutating proposer such as Ratchet's built-in one (one lineage: no
archive, no crossover): it rewrites the numeric literals of program.py's evolve block - one
literal, every literal of one line, or every float literal jointly - with steps relative to each
literal's size that follow the 1/5th success rule and are spread log-normally so that large
jumps still happen; it runs the program's own solve() in-process and keeps a change when the
sum of radii strictly improves (as Ratchet promotes a champion): a (1+1) evolution strategy.
It prints when the best passes 2.5, 2.6, 2.62 and 2.63, and the best every 500 evaluations.
The scorer is not involved (the program always prints a feasible packing; check.sh --program
scores a written program strictly).
Usage: python3 tools/optimise.py [evaluations] [seed] [--write best.py]
       (with --write, the best program so far is written every 500 evaluations and at the end)
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
    """What the run would print: main()'s packing, computed in-process."""
    ns = {"__name__": "candidate"}
    exec(compile(text, "program.py", "exec"), ns)
    packing = ns["solve"]()
    if len(packing) != ns["COUNT"]:
        return -1.0
    return sum(r for _, _, r in packing)


ZERO_SCALE = 0.01     # a literal's step is relative to max(|value|, ZERO_SCALE)
ADAPT = 0.2           # step x e^ADAPT after an improvement ...
SUCCESS_RATE = 0.2    # ... and x e^(-ADAPT p/(1-p)) otherwise: the 1/5th success rule
SPREAD = 0.5          # each move's step is also x e^(SPREAD N(0,1)): now and then a large jump
STEP_BOUNDS = (1e-4, 1.0)
TARGETS = (2.5, 2.6, 2.62, 2.63)


def optimise(evaluations, seed, checkpoint=None):
    rng = random.Random(seed)
    with open(os.path.join(os.path.dirname(HERE), "program.py")) as f:
        head, block, tail = split(f.read())
    found = literals(block)
    best = [v for *_, v, _ in found]
    best_text = head + block + tail
    best_score = evaluate(best_text)
    steps = [0.1] * len(best)       # relative step per literal
    joint = 0.02                    # relative step of joint moves
    lines = sorted({li for li, *_ in found})
    history = [(0, best_score)]
    first_at = {}
    shrink = math.exp(-ADAPT * SUCCESS_RATE / (1 - SUCCESS_RATE))
    for step in range(1, evaluations + 1):
        kind = rng.random()
        if kind < 0.5:              # one literal, or (one time in three) every literal on its line
            if rng.random() < 1 / 3:
                line = rng.choice(lines)
                touched = [k for k, f in enumerate(found) if f[0] == line]
            else:
                touched = [rng.randrange(len(best))]
            sizes = {k: steps[k] for k in touched}
        else:                       # every float literal at once
            touched = [k for k, f in enumerate(found) if not f[4]]
            sizes = {k: joint for k in touched}
        cand = list(best)
        for k in touched:
            move = rng.gauss(0.0, 1.0) * sizes[k] * max(abs(best[k]), ZERO_SCALE) * math.exp(SPREAD * rng.gauss(0.0, 1.0))
            if found[k][4]:
                move = round(move) or rng.choice((-1, 1))
            cand[k] += move
        text = head + rewrite(block, cand, found) + tail
        try:
            score = evaluate(text)
        except Exception:  # a literal went out of its domain: the run would crash
            score = -1.0
        improved = score > best_score
        if improved:  # as Ratchet promotes: strictly better than the champion
            best, best_score, best_text = cand, score, text
        factor = math.exp(ADAPT) if improved else shrink
        if kind < 0.5:
            for k in touched:
                steps[k] = min(max(steps[k] * factor, STEP_BOUNDS[0]), STEP_BOUNDS[1])
        else:
            joint = min(max(joint * factor, STEP_BOUNDS[0]), STEP_BOUNDS[1])
        for target in TARGETS:
            if best_score >= target and target not in first_at:
                first_at[target] = step
                print(f"evaluation {step:6d}  reached {target}: {best_score:.6f}", flush=True)
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
