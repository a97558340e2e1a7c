"""Self-tests of the circle-packing scorer (not part of the task). Run: /usr/bin/python3 -m unittest discover -s tests"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
SCORER = os.path.join(os.path.dirname(HERE), "score.py")
GRID = [[f"0.{1 + 2 * (k % 5)}", f"0.{1 + 2 * (k // 5)}", "0.1"] for k in range(25)]


def score_text(text):
    with tempfile.TemporaryDirectory() as out:
        with open(os.path.join(out, "circles.json"), "w") as f:
            f.write(text)
        done = subprocess.run([sys.executable, SCORER], env={"RATCHET_RUN_OUT": out, "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, timeout=30, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def score_rows(rows):
    """rows of decimal strings, written as JSON numbers exactly as given."""
    body = ", ".join("[" + ", ".join(v for v in row) + "]" for row in rows)
    return score_text('{"circles": [' + body + "]}")


class ScorerTests(unittest.TestCase):
    def test_published_alphaevolve_construction_passes_the_strict_check(self):
        with open(os.path.join(HERE, "alphaevolve_n26.json")) as f:
            result = score_text(f.read())
        self.assertTrue(result["valid"], result)
        self.assertAlmostEqual(result["sum_radii"], 2.6358627564136983, places=12)
        self.assertEqual(str(result["sum_radii"])[:12], "2.6358627564")

    def test_circles_that_touch_exactly_pass(self):
        result = score_rows(GRID + [["0.2", "0.2", "0"]])
        self.assertTrue(result["valid"], result)
        self.assertEqual(result["sum_radii"], 2.5)

    def test_an_overlap_of_1e_minus_20_fails_although_floats_would_round_it_away(self):
        # 0.1 + 0.10000000000000000001 is 0.2 in floating point, the centres' distance.
        self.assertEqual(0.1 + float("0.10000000000000000001"), 0.2)
        rows = [list(r) for r in GRID] + [["0.2", "0.2", "0"]]
        rows[6][2] = "0.10000000000000000001"  # the circle at (0.3, 0.3), away from the walls
        result = score_rows(rows)
        self.assertEqual(result, {"valid": False, "reason": "circles 1 and 6 overlap"})

    def test_a_circle_crossing_the_wall_by_1e_minus_30_fails(self):
        rows = [list(r) for r in GRID] + [["0.2", "0.2", "0"]]
        rows[0][0] = "0.099999999999999999999999999999"
        self.assertEqual(score_rows(rows), {"valid": False, "reason": "circle 0 is not inside the unit square"})

    def test_nan_infinity_and_absurd_exponents_are_refused(self):
        for bad in ("NaN", "Infinity", "-Infinity", "1e999999999"):
            with self.subTest(bad=bad):
                rows = [list(r) for r in GRID] + [["0.2", "0.2", bad]]
                self.assertFalse(score_rows(rows)["valid"])

    def test_strings_and_booleans_are_not_numbers(self):
        for bad in ('"0.1"', "true"):
            with self.subTest(bad=bad):
                rows = [list(r) for r in GRID] + [["0.2", "0.2", bad]]
                self.assertEqual(score_rows(rows)["reason"], "circle 25 is not a list of three numbers [x, y, r]")

    def test_wrong_counts_and_negative_radii_fail(self):
        self.assertFalse(score_rows(GRID)["valid"])
        self.assertFalse(score_rows(GRID + [["0.2", "0.2", "0"], ["0.4", "0.4", "0"]])["valid"])
        self.assertEqual(score_rows(GRID + [["0.2", "0.2", "-0.01"]]),
                         {"valid": False, "reason": "circle 25 has a negative radius"})

    def test_missing_output_is_invalid_not_a_crash(self):
        with tempfile.TemporaryDirectory() as out:
            done = subprocess.run([sys.executable, SCORER], env={"RATCHET_RUN_OUT": out}, capture_output=True, text=True)
        self.assertEqual(json.loads(done.stdout), {"valid": False, "reason": "the run wrote no circles.json"})


if __name__ == "__main__":
    unittest.main()
