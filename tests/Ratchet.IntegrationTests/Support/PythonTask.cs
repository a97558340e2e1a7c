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

    public static TaskFolder Create(string limits = "wall_seconds = 5\ncpu_seconds = 3\nmemory_mb = 256\nprocesses = 32\noutput_bytes = 65536")
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
