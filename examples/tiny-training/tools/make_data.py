"""Regenerates data/ and sealed/ for the tiny-training example (not part of the task; output is shipped).

8 standard-normal inputs; the label (0, 1 or 2) is drawn from a softmax over the logits of a fixed,
randomly drawn teacher network (8 -> 16 tanh -> 3), so the classes overlap and the best possible
validation loss is well above zero. 3000 training rows, 1000 validation rows, 1000 sealed test rows.
Usage: /usr/bin/python3 tools/make_data.py   (from examples/tiny-training)
"""
import math
import random

rng = random.Random(271828)
INPUTS, HIDDEN, CLASSES = 8, 16, 3
W1 = [[rng.gauss(0.0, 1.0) / math.sqrt(INPUTS) * 2.0 for _ in range(INPUTS)] for _ in range(HIDDEN)]
B1 = [rng.gauss(0.0, 0.5) for _ in range(HIDDEN)]
W2 = [[rng.gauss(0.0, 1.0) / math.sqrt(HIDDEN) * 4.0 for _ in range(HIDDEN)] for _ in range(CLASSES)]


def teacher(x):
    h = [math.tanh(sum(w * v for w, v in zip(row, x)) + b) for row, b in zip(W1, B1)]
    return [sum(w * v for w, v in zip(row, h)) for row in W2]


def softmax(z):
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return [v / s for v in e]


def sample(n):
    rows = []
    bayes = 0.0
    for _ in range(n):
        x = [round(rng.gauss(0.0, 1.0), 4) for _ in range(INPUTS)]
        p = softmax(teacher(x))
        u, label = rng.random(), 0
        while label < CLASSES - 1 and u > p[label]:
            u -= p[label]
            label += 1
        bayes -= math.log(p[label])
        rows.append((x, label))
    return rows, bayes / n


def fmt(x):
    return ",".join(f"{v:.4f}" for v in x)


def write(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


train, bayes_train = sample(3000)
val, bayes_val = sample(1000)
test, bayes_test = sample(1000)
header = ",".join(f"x{i}" for i in range(INPUTS))
write("data/train.csv", [header + ",label"] + [fmt(x) + f",{y}" for x, y in train])
write("data/val_x.csv", [header] + [fmt(x) for x, _ in val])
write("data/val_y.csv", ["label"] + [str(y) for _, y in val])
write("sealed/test_x.csv", [header] + [fmt(x) for x, _ in test])
write("sealed/test_y.csv", ["label"] + [str(y) for _, y in test])
print(f"teacher's own loss (the floor): train {bayes_train:.4f}  val {bayes_val:.4f}  test {bayes_test:.4f}")
for name, rows in (("train", train), ("val", val), ("test", test)):
    counts = [sum(1 for _, y in rows if y == c) for c in range(CLASSES)]
    print(name, "class counts", counts)
