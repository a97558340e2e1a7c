"""circle-packing candidate: 26 circles in the unit square, maximise the sum of their radii.

Ratchet may change only the lines between the EVOLVE-BLOCK markers: the settings of a short
relaxation and one line per circle, (centre x, centre y, radius hint), where it starts. The
fixed code below relaxes that layout (gradient steps on "sum of radii minus an overlap
penalty") and then place() turns the result into a feasible packing - centres clamped into
the square, overlaps resolved, every circle grown as far as the walls and the others allow -
so any numbers give a valid answer, and better numbers give a larger sum. The run writes
$RATCHET_OUT/circles.json; the trusted scorer checks it with exact arithmetic.
"""
import json
import math
import os

# EVOLVE-BLOCK-START
RELAX_STEPS = 0           # gradient steps of the relaxation (0: none; at most 3000 are taken)
LEARNING_RATE = 0.001     # step size at the first step...
LEARNING_DECAY = 0.005    # ...divided by (1 + LEARNING_DECAY * step) later on
PENALTY_START = 10.0      # weight of the overlap penalty at the first step...
PENALTY_GROWTH = 1.005    # ...multiplied by this after every step

# Where the circles start: a 6 x 5 grid with the four corners of the middle rows left empty: (x, y, radius hint)
CIRCLES = [
    (0.0833, 0.1, 0.09),
    (0.25, 0.1, 0.09),
    (0.4167, 0.1, 0.09),
    (0.5833, 0.1, 0.09),
    (0.75, 0.1, 0.09),
    (0.9167, 0.1, 0.09),
    (0.25, 0.3, 0.09),
    (0.4167, 0.3, 0.09),
    (0.5833, 0.3, 0.09),
    (0.75, 0.3, 0.09),
    (0.0833, 0.5, 0.09),
    (0.25, 0.5, 0.09),
    (0.4167, 0.5, 0.09),
    (0.5833, 0.5, 0.09),
    (0.75, 0.5, 0.09),
    (0.9167, 0.5, 0.09),
    (0.25, 0.7, 0.09),
    (0.4167, 0.7, 0.09),
    (0.5833, 0.7, 0.09),
    (0.75, 0.7, 0.09),
    (0.0833, 0.9, 0.09),
    (0.25, 0.9, 0.09),
    (0.4167, 0.9, 0.09),
    (0.5833, 0.9, 0.09),
    (0.75, 0.9, 0.09),
    (0.9167, 0.9, 0.09),
]
# EVOLVE-BLOCK-END

# Radii shrink by this much so that rounding in the float arithmetic below can never make
# touching circles overlap when the scorer checks the printed decimals exactly.
SAFETY = 1e-12

MAX_RELAX_STEPS = 3000
CHECK_EVERY = 25


def relax(circles, steps, learning_rate, decay, penalty_start, penalty_growth):
    """Adam steps on -sum(r) + penalty * (squared overlaps and wall crossings), from the given
    layout; returns the best feasible packing seen at the checkpoints (the start, each of the
    first 2 * CHECK_EVERY steps, then every CHECK_EVERY). Deterministic, and the first k steps
    are the same whatever the total, so more steps never give a worse answer."""
    n = len(circles)
    steps = max(0, min(int(steps), MAX_RELAX_STEPS))
    p = [float(c[0]) for c in circles] + [float(c[1]) for c in circles] + [max(0.0, float(c[2])) for c in circles]
    best = place(circles)
    if steps == 0 or not all(math.isfinite(v) for v in p):
        return best
    best_sum = sum(c[2] for c in best)
    mu = min(max(1e-6, float(penalty_start)), 1e9)
    growth = min(max(1.0, float(penalty_growth)), 1.1)
    m = [0.0] * (3 * n)
    v = [0.0] * (3 * n)
    sqrt = math.sqrt
    for t in range(1, steps + 1):
        x, y, r = p[:n], p[n:2 * n], p[2 * n:]
        gx, gy, gr = [0.0] * n, [0.0] * n, [-1.0] * n
        w = 2.0 * mu
        for i in range(n):
            xi, yi, ri = x[i], y[i], r[i]
            for excess, axis, sign in ((ri - xi, gx, -1.0), (ri + xi - 1.0, gx, 1.0),
                                       (ri - yi, gy, -1.0), (ri + yi - 1.0, gy, 1.0)):
                if excess > 0.0:
                    gr[i] += w * excess
                    axis[i] += sign * w * excess
            if ri < 0.0:
                gr[i] += w * ri
            for j in range(i + 1, n):
                dx, dy, s = xi - x[j], yi - y[j], ri + r[j]
                d2 = dx * dx + dy * dy
                if d2 < s * s:
                    d = sqrt(d2)
                    if d < 1e-12:
                        d, dx, dy = 1e-12, 1e-12, 0.0
                    g = w * (s - d)
                    gr[i] += g
                    gr[j] += g
                    ux, uy = g * dx / d, g * dy / d
                    gx[i] -= ux
                    gy[i] -= uy
                    gx[j] += ux
                    gy[j] += uy
        grad = gx + gy + gr
        rate = float(learning_rate) / (1.0 + max(0.0, float(decay)) * t)
        c1, c2 = 1.0 - 0.9 ** t, 1.0 - 0.999 ** t
        for k in range(3 * n):
            gk = grad[k]
            m[k] = 0.9 * m[k] + 0.1 * gk
            v[k] = 0.999 * v[k] + 0.001 * gk * gk
            p[k] -= rate * (m[k] / c1) / (sqrt(v[k] / c2) + 1e-12)
        mu = min(mu * growth, 1e9)
        if t <= 2 * CHECK_EVERY or t % CHECK_EVERY == 0:
            if not all(math.isfinite(q) for q in p):
                break
            packing = place([(p[i], p[n + i], p[2 * n + i]) for i in range(n)])
            total = sum(c[2] for c in packing)
            if total > best_sum:
                best, best_sum = packing, total
    return best


def place(circles):
    """Feasible (x, y, r) for every (x, y, hint): deterministic, whatever the numbers."""
    xs = [min(1.0, max(0.0, float(c[0]))) for c in circles]
    ys = [min(1.0, max(0.0, float(c[1]))) for c in circles]
    n = len(circles)
    wall = [min(xs[i], 1.0 - xs[i], ys[i], 1.0 - ys[i]) for i in range(n)]
    dist = [[math.hypot(xs[i] - xs[j], ys[i] - ys[j]) for j in range(n)] for i in range(n)]
    hints = [float(c[2]) for c in circles]
    radii = [min(wall[i], h) if h > 0.0 else 0.0 for i, h in enumerate(hints)]
    # Resolve overlaps by shrinking both circles of a pair in proportion; shrinking never breaks a pair
    # already resolved, so one pass leaves no overlap.
    for i in range(n):
        for j in range(i + 1, n):
            total = radii[i] + radii[j]
            if total > dist[i][j]:
                scale = dist[i][j] / total
                radii[i] *= scale
                radii[j] *= scale
    # Grow each circle, in order, as far as the walls and the others allow (never past its hint's
    # wall limit); growing one circle never lets an earlier one grow further, so one pass suffices.
    for i in range(n):
        room = wall[i]
        for j in range(n):
            if j != i:
                room = min(room, dist[i][j] - radii[j])
        radii[i] = max(radii[i], room)
    radii = [max(0.0, r - SAFETY) for r in radii]
    return [(xs[i], ys[i], radii[i]) for i in range(n)]


def main():
    packing = relax(CIRCLES, RELAX_STEPS, LEARNING_RATE, LEARNING_DECAY, PENALTY_START, PENALTY_GROWTH)
    with open(os.path.join(os.environ["RATCHET_OUT"], "circles.json"), "w") as f:
        json.dump({"circles": [[x, y, r] for x, y, r in packing]}, f)
    print(f"sum of radii (float) = {sum(r for _, _, r in packing):.10f}")


if __name__ == "__main__":
    main()
