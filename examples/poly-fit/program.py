"""poly-fit candidate: predicts y for every x in data/x.json with a polynomial.

Ratchet may change only the lines between the EVOLVE-BLOCK markers. The run writes its
predictions to $RATCHET_OUT/predictions.json; the trusted scorer (score.py, which this
program never sees) compares them with the answers.
"""
import json
import os

# EVOLVE-BLOCK-START
# Polynomial coefficients, lowest degree first: y = c0 + c1*x + c2*x^2 + c3*x^3
COEFFICIENTS = [0.0, 1.0, 0.0, 0.0]
# EVOLVE-BLOCK-END


def predict(x):
    y = 0.0
    for c in reversed(COEFFICIENTS):
        y = y * x + c
    return y


def main():
    with open("data/x.json") as f:
        xs = json.load(f)
    predictions = [predict(x) for x in xs]
    with open(os.path.join(os.environ["RATCHET_OUT"], "predictions.json"), "w") as f:
        json.dump(predictions, f)


main()
