using System.Globalization;

namespace Ratchet.Tasks;

public static partial class TaskTemplate
{
    private const int Points = 40;

    /// <summary>The template's files by task-relative path, for a task called <paramref name="name"/>.</summary>
    public static IReadOnlyDictionary<string, string> Files(string name)
    {
        var visible = Enumerable.Range(0, Points).Select(i => -2.0 + (4.0 * i / (Points - 1))).ToArray();
        var sealedXs = Enumerable.Range(0, Points).Select(i => -2.0 + (4.0 * (i + 0.5) / Points)).ToArray();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TaskLoader.FileName] = TaskToml.Replace("{name}", name, StringComparison.Ordinal),
            ["README.md"] = Readme.Replace("{name}", name, StringComparison.Ordinal),
            ["program.py"] = ProgramPy,
            ["score.py"] = ScorePy,
            ["data/x.json"] = Json(visible),
            ["data/y.json"] = Json(visible.Select((x, i) => Truth(x) + Noise(i, 0.0))),
            ["sealed/x.json"] = Json(sealedXs),
            ["sealed/y.json"] = Json(sealedXs.Select((x, i) => Truth(x) + Noise(i, 1.7))),
        };
    }

    // The hidden curve the program should learn; the noise is deterministic so every init writes the same files.
    private static double Truth(double x) => (0.5 * x * x * x) - (1.2 * x * x) + (0.3 * x) + 2.0;

    private static double Noise(int i, double phase) => 0.05 * Math.Sin((12.9898 * i) + phase);

    private static string Json(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => Math.Round(v, 4).ToString("0.0###", CultureInfo.InvariantCulture))) + "]\n";

    private const string TaskToml = """
        # A Ratchet task: learn a cubic from noisy points. See README.md.
        name = "{name}"

        [program]                          # what a proposer may change (only between the evolve markers)
        files = ["program.py"]

        [run]                              # untrusted: runs the candidate in a sandbox
        command = ["python3", "program.py"]
        inputs = ["data/x.json"]           # staged read-only at the same path
        env = []                           # host environment variables passed in: none

        [score]                            # trusted: a second sandbox; sees the run's output, never the candidate
        command = ["python3", "score.py"]
        inputs = ["score.py", "data/y.json"]

        [holdout]                          # sealed: the same commands with these files swapped in; never shown to the proposer
        inputs = { "data/x.json" = "sealed/x.json" }
        score_inputs = { "data/y.json" = "sealed/y.json" }

        # [evaluate]                       # single-command mode instead of [run] + [score] (weaker isolation)
        # command = ["python3", "evaluate.py"]
        # inputs = ["evaluate.py"]

        [objective]
        metric = "mse"                     # the number score.py prints
        direction = "minimize"
        repeats = 1                        # measurements per candidate (this task is deterministic)
        alpha = 0.05
        min_gain = 0.0

        [budget]
        evaluations = 300
        cpu_seconds = 3600
        wall_seconds = 3600

        [limits]                           # per sandboxed process tree
        wall_seconds = 10
        cpu_seconds = 10
        memory_mb = 256
        processes = 16
        output_bytes = 1048576
        tmp_mb = 16

        """;

    private const string ProgramPy = """
        # The candidate: predicts y for every x in data/x.json and writes the predictions to
        # $RATCHET_OUT/predictions.json. A proposer may change only the lines between the two
        # evolve markers below; everything else is fixed.
        import json
        import os

        # EVOLVE-BLOCK-START
        A = 0.0
        B = 0.0
        C = 0.0
        D = 0.0


        def predict(x):
            return A + B * x + C * x * x + D * x * x * x
        # EVOLVE-BLOCK-END


        def main():
            with open("data/x.json") as f:
                xs = json.load(f)
            out = os.environ.get("RATCHET_OUT", "out")
            os.makedirs(out, exist_ok=True)
            with open(os.path.join(out, "predictions.json"), "w") as f:
                json.dump([predict(x) for x in xs], f)


        if __name__ == "__main__":
            main()

        """;

    private const string ScorePy = """
        # The trusted scorer: compares the run's predictions with the answers in data/y.json and
        # prints one JSON object as its last line, e.g. {"mse": 0.0123, "valid": true}.
        # It never imports or runs the candidate; it only reads the file the run wrote.
        import json
        import math
        import os
        import sys


        def fail(reason):
            print(json.dumps({"valid": False, "error": reason}))
            sys.exit(0)


        def main():
            run_out = os.environ.get("RATCHET_RUN_OUT", "out")
            try:
                with open(os.path.join(run_out, "predictions.json")) as f:
                    predictions = json.load(f)
            except (OSError, ValueError) as e:
                fail("cannot read predictions.json: %s" % e)
            with open("data/y.json") as f:
                answers = json.load(f)
            if not isinstance(predictions, list) or len(predictions) != len(answers):
                fail("predictions.json must be a list with one number per input")
            total = 0.0
            for p, y in zip(predictions, answers):
                if isinstance(p, bool) or not isinstance(p, (int, float)):
                    fail("every prediction must be a number")
                try:
                    p = float(p)
                except OverflowError:
                    fail("a prediction is too large")
                if not math.isfinite(p):
                    fail("every prediction must be finite")
                total += (p - y) ** 2
            mse = total / len(answers)
            if not math.isfinite(mse):
                fail("the error is not finite")
            print(json.dumps({"mse": mse, "valid": True}))


        if __name__ == "__main__":
            main()

        """;

    private const string Readme = """
        # {name}

        A Ratchet task made by `ratchet init`: learn a cubic curve from 40 noisy points.

        | file | role |
        |---|---|
        | `ratchet.toml` | the task: what may change, how to run and score it, limits, budget |
        | `program.py` | the candidate; a proposer may change only the lines between its evolve markers |
        | `data/x.json` | inputs the run sees |
        | `score.py`, `data/y.json` | the trusted scorer and its answers; the candidate never sees them |
        | `sealed/` | the holdout: other points, swapped in for `data/` in sealed runs never shown to the proposer |

        Everything except `program.py` is protected: Ratchet hashes it at the start of a run and
        rejects any proposal that touches it.

        Try it by hand (the sandbox sets these variables itself):

            RATCHET_OUT=out python3 program.py && RATCHET_RUN_OUT=out python3 score.py

        Then let Ratchet improve it: `ratchet --help` lists the commands that check and run a task.
        The format of `ratchet.toml` is described in Ratchet's docs/task-format.md.

        """;
}
