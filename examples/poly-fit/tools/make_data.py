"""Regenerates data/ and sealed/ for the poly-fit example (not part of the task; run once, output is shipped).

y = 0.7 - 1.3 x + 0.45 x^2 + 0.28 x^3 + noise (sigma 0.1); 40 visible points and 40 sealed points on [-2, 2].
Usage: /usr/bin/python3 tools/make_data.py   (from examples/poly-fit)
"""
import json
import random

TRUE = [0.7, -1.3, 0.45, 0.28]
rng = random.Random(20240611)


def f(x):
    return sum(c * x**k for k, c in enumerate(TRUE))


def sample(n):
    xs = sorted(round(rng.uniform(-2.0, 2.0), 4) for _ in range(n))
    ys = [round(f(x) + rng.gauss(0.0, 0.1), 6) for x in xs]
    return xs, ys


def write(path, values):
    with open(path, "w") as out:
        json.dump(values, out)
        out.write("\n")


visible_x, visible_y = sample(40)
sealed_x, sealed_y = sample(40)
write("data/x.json", visible_x)
write("data/y.json", visible_y)
write("sealed/x.json", sealed_x)
write("sealed/y.json", sealed_y)
