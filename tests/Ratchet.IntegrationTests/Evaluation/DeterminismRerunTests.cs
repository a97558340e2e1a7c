using Ratchet.Evaluation;
using Ratchet.IntegrationTests.Support;
using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.IntegrationTests.Evaluation;

/// <summary>The same-seed check re-runs a would-be champion several times and stops at the first run that differs. The
/// program here keeps a run counter on the host (possible only because the unsafe sandbox isolates nothing), so which run
/// misbehaves is exact rather than left to chance.</summary>
public sealed class DeterminismRerunTests : IDisposable
{
    private readonly TaskFolder _task = new();
    private readonly string _counter;
    private readonly UnsafeSandbox _sandbox;

    public DeterminismRerunTests()
    {
        _counter = Path.Combine(_task.Root, "runs");
        _sandbox = (UnsafeSandbox)((SandboxCreation.Ready)SandboxFactory.Create(new SandboxOptions(Path.Combine(_task.Root, "state"), AllowUnsafe: true))).Sandbox;
        _task.Write("ratchet.toml", """
            name = "determinism"
            [program]
            files = ["program.py"]
            [run]
            command = ["/usr/bin/python3", "program.py"]
            [score]
            command = ["/usr/bin/python3", "score.py"]
            inputs = ["score.py"]
            [objective]
            metric = "score"
            direction = "maximize"
            deterministic = true
            [limits]
            wall_seconds = 10
            cpu_seconds = 5
            memory_mb = 256
            processes = 16
            output_bytes = 65536

            """);
        _task.Write("score.py", """
            import json, os
            print(json.dumps({"score": json.load(open(os.path.join(os.environ["RATCHET_RUN_OUT"], "r.json")))["v"]}))

            """);
    }

    /// <summary>Run n of the program (1-based, counted on the host) answers 2.0 instead of 1.0.</summary>
    private ProgramSnapshot MisbehavesOnRun(int n) => new([new("program.py", $$"""
        import json, os
        path = {{System.Text.Json.JsonSerializer.Serialize(_counter)}}
        runs = int(open(path).read()) + 1 if os.path.exists(path) else 1
        open(path, "w").write(str(runs))
        json.dump({"v": 2.0 if runs == {{n}} else 1.0}, open(os.path.join(os.environ["RATCHET_OUT"], "r.json"), "w"))

        """)]);

    private async Task<EvaluationReport> EvaluateAsync(ProgramSnapshot program, int reruns)
    {
        _task.Write("program.py", program.Files["program.py"]);
        var task = TaskLoader.Load(_task.Dir).GetTaskOrThrow();
        var checks = new PromotionChecks(Reproduce: false, DeterministicRerun: true, []) { DeterministicReruns = reruns };
        return await new Evaluator(task, _sandbox).EvaluateAsync(program, new EvaluationRequest(7, 1, Checks: checks), CancellationToken.None);
    }

    [Fact]
    public async Task Evaluate_WhenTheFifthRunDiffers_SixReRunsFindItAndStopThere()
    {
        var report = await EvaluateAsync(MisbehavesOnRun(5), reruns: 6);

        var rerun = Assert.IsType<RerunReport>(report.DeterminismRerun);
        Assert.Equal(4, rerun.Runs);
        Assert.NotEqual(report.OutputsHash, rerun.OutputsHash);
        Assert.Equal("5", File.ReadAllText(_counter));
    }

    [Fact]
    public async Task Evaluate_WhenOnlyALaterRunWouldDiffer_FewerReRunsMissIt()
    {
        var report = await EvaluateAsync(MisbehavesOnRun(5), reruns: 3);

        var rerun = Assert.IsType<RerunReport>(report.DeterminismRerun);
        Assert.Equal(3, rerun.Runs);
        Assert.Equal(report.OutputsHash, rerun.OutputsHash);
    }

    public void Dispose() => _task.Dispose();
}
