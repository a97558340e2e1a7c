namespace Ratchet.IntegrationTests.Support;

/// <summary>A small Python task with a sealed holdout: the run writes VALUE (scaled by its input) and the scorer
/// reports it as "score" (maximize). Programs are plain Python so tests can replace them whole.</summary>
public static class PythonTask
{
    public const string Initial = """
        import json, os
        VALUE = 1.0
        x = json.load(open("data/x.json"))
        with open(os.path.join(os.environ["RATCHET_OUT"], "result.json"), "w") as f:
            json.dump({"value": VALUE * x["scale"]}, f)

        """;

    /// <summary>A policy that needs no human and fires no tripwire, with every auditor on (tests that exercise the gate write their own).</summary>
    public const string QuietPolicy = """
        preset = "recursive"
        [tripwires]
        score_jump_multiple = false
        score_jump_relative = false
        acceleration_doubling_evaluations = false
        violations_count = false
        budget_burn_cpu_seconds_per_minute = false
        protected_touch = false
        [approval]
        every_meta_change = false
        [slowdown]
        max_promotions_per_hour = false
        max_promotions_per_evaluations = false
        checkpoint_every_promotions = false
        tripwire_cooldown_seconds = 0

        """;

    public static TaskFolder Create(string limits = "wall_seconds = 5\ncpu_seconds = 3\nmemory_mb = 256\nprocesses = 32\noutput_bytes = 65536", string? policy = QuietPolicy)
    {
        var task = new TaskFolder();
        task.Write("ratchet.toml", $$"""
            name = "it-task"
            [program]
            files = ["program.py"]
            [run]
            command = ["python3", "program.py"]
            inputs = ["data/x.json"]
            [score]
            command = ["python3", "score.py"]
            inputs = ["score.py", "data/y.json"]
            [holdout]
            inputs = { "data/x.json" = "sealed/x.json" }
            score_inputs = { "data/y.json" = "sealed/y.json" }
            [objective]
            metric = "score"
            direction = "maximize"
            [limits]
            {{limits}}

            """);
        task.Write("program.py", Initial);
        if (policy is not null)
            task.Write("policy.toml", policy);
        task.Write("data/x.json", """{"scale": 1.0}""");
        task.Write("data/y.json", """{"offset": 0.0}""");
        task.Write("sealed/x.json", """{"scale": 0.5, "sealed": true}""");
        task.Write("sealed/y.json", """{"offset": 0.0, "sealed": true}""");
        task.Write("score.py", """
            import json, os
            result = json.load(open(os.path.join(os.environ["RATCHET_RUN_OUT"], "result.json")))
            y = json.load(open("data/y.json"))
            resources = json.load(open(os.environ["RATCHET_RESOURCES"]))
            print(json.dumps({"score": result["value"] + y["offset"], "cpu_seconds": resources["cpu_seconds"]}))

            """);
        return task;
    }

    /// <summary>A program that writes VALUE = <paramref name="value"/>.</summary>
    public static string WithValue(double value) => Initial.Replace("VALUE = 1.0", $"VALUE = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
