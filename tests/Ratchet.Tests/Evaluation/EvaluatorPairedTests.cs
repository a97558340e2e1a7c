using Ratchet.Evaluation;
using Ratchet.Sandbox;
using Ratchet.Tasks;
using Ratchet.Tests.Runs;

namespace Ratchet.Tests.Evaluation;

public sealed class EvaluatorPairedTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Paired_MeasuresOneSandboxAtATime_RepeatByRepeat_OnSharedSeeds_InAlternatingOrder()
    {
        var sandbox = new RecordingSandbox();
        var evaluator = new Evaluator(Task(), sandbox);

        var (first, second) = await evaluator.EvaluatePairedAsync(Program("delay 5\nscore 1\n"), Program("delay 5\nscore 2\n"),
            new EvaluationRequest(42, 4), TestContext.Current.CancellationToken);

        Assert.Equal(["score 1", "score 2", "score 2", "score 1", "score 1", "score 2", "score 2", "score 1"], sandbox.Runs.Select(r => r.Program));
        Assert.Equal(1, sandbox.MostAtOnce);
        var seeds = sandbox.Runs.Select(r => r.Seed).ToArray();
        for (var pair = 0; pair < 4; pair++)
            Assert.Equal(seeds[2 * pair], seeds[2 * pair + 1]);
        Assert.Equal(4, seeds.Distinct().Count());
        Assert.Equal(Outcome.Ok, first.Outcome);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], first.RepeatScores);
        Assert.Equal([2.0, 2.0, 2.0, 2.0], second.RepeatScores);
        Assert.Equal(2.0, second.Score);
        Assert.Equal(8, first.SandboxRuns);  // run and score, four times
        Assert.Equal(8, second.SandboxRuns);
    }

    [Fact]
    public async Task Paired_StopsAtTheFirstFailure_AndReportsWhichRepeatItWas()
    {
        var sandbox = new RecordingSandbox();
        var evaluator = new Evaluator(Task(), sandbox);

        var (first, second) = await evaluator.EvaluatePairedAsync(Program("score 1\n"), Program("crash\n"),
            new EvaluationRequest(7, 5), TestContext.Current.CancellationToken);

        Assert.Equal(["score 1", "crash"], sandbox.Runs.Select(r => r.Program));
        Assert.Equal(Outcome.Ok, first.Outcome);
        Assert.Equal([1.0], first.RepeatScores);
        Assert.Equal(Outcome.Crashed, second.Outcome);
        Assert.StartsWith("repeat 1 of 5: ", second.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(1, second.SandboxRuns);
    }

    private static ProgramSnapshot Program(string text) => new([new KeyValuePair<string, string>("p.txt", text)]);

    private TaskSpec Task() => FakeSandbox.TaskIn(Path.Combine(_dir.Path, "task"));

    /// <summary>The fake sandbox, noting each run phase's program (its last line), seed and how many ran at once.</summary>
    private sealed class RecordingSandbox : ISandbox
    {
        private readonly FakeSandbox _inner = new();
        private int _active;

        public SandboxInfo Info => _inner.Info;

        public List<(string Program, string Seed)> Runs { get; } = [];

        public int MostAtOnce { get; private set; }

        public async Task<SandboxExecution> RunAsync(SandboxRequest request, CancellationToken cancellationToken)
        {
            if (!request.CollectResults)
                return await _inner.RunAsync(request, cancellationToken);
            var active = Interlocked.Increment(ref _active);
            lock (Runs)
            {
                MostAtOnce = Math.Max(MostAtOnce, active);
                var text = System.Text.Encoding.UTF8.GetString(request.WorkFiles.Single(f => f.RelativePath == "p.txt").Content!);
                Runs.Add((text.Trim().Split('\n')[^1], request.Environment["RATCHET_SEED"]));
            }
            try
            {
                return await _inner.RunAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }
    }
}
