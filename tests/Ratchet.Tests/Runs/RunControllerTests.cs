using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Proposers;
using Ratchet.Proposers.Replay;
using Ratchet.Runs;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Tests.Runs;

public sealed class RunControllerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly RatchetHome _home;

    public RunControllerTests() => _home = new RatchetHome(Path.Combine(_dir.Path, "home"));

    public void Dispose() => _dir.Dispose();

    private TaskSpec Task(string initial = "score 1\n", string direction = "maximize", int? budget = null) =>
        FakeSandbox.TaskIn(Path.Combine(_dir.Path, "task"), initial, direction == "maximize" ? Direction.Maximize : Direction.Minimize, budget);

    private static Proposal Files(string label, string content) =>
        new(label, new ProposalChange.Files(new Dictionary<string, string> { ["p.txt"] = content }));

    private Store OpenStore(string name = "state") => Store.Open(Path.Combine(_dir.Path, name), _home);

    private static async Task<RunSummary> Run(TaskSpec task, Store store, IProposer proposer, int workers = 1, int? evaluations = null, CancellationToken? ct = null) =>
        await new RunController(task, store, new FakeSandbox(), proposer, new RunOptions { Workers = workers, Evaluations = evaluations, Policy = TestPolicies.Permissive }).RunAsync(ct ?? TestContext.Current.CancellationToken);

    [Fact]
    public async Task Run_EvaluatesTheInitialProgramFirst_AsRootNamedInitial()
    {
        var task = Task();
        using var store = OpenStore();
        var summary = await Run(task, store, new ReplayProposer([]));
        var root = store.Candidates().Single();
        Assert.Equal("initial", root.Label);
        Assert.Null(root.Parent);
        Assert.Equal(0, root.Seq);
        Assert.Equal(CandidateStatus.Champion, root.Status);
        Assert.Equal(RunState.Finished, summary.State);
        Assert.Equal("the replay proposer has no more proposals", summary.EndedReason);
    }

    [Fact]
    public async Task Run_StartsTheInitialProgram_BeforeTheFirstProposalIsMade()
    {
        var task = Task();
        using var store = OpenStore();
        var sandbox = new FakeSandbox();
        var proposer = new SandboxWatchingProposer(sandbox, Files("a", "score 2\n"));
        // Two workers: the pipeline holds two candidates, so a proposal is wanted as soon as the run starts.
        await new RunController(task, store, sandbox, proposer, new RunOptions { Workers = 2, Policy = TestPolicies.Permissive }).RunAsync(TestContext.Current.CancellationToken);
        Assert.True(proposer.SandboxBusyAtFirstProposal, "the first proposal was made before the initial program was handed to the sandbox");
        Assert.Equal(2, store.Candidates().Count());
    }

    /// <summary>Proposes one program; at the first request it waits (up to 10 s) for the sandbox to have been asked to
    /// run something, and records whether it was.</summary>
    private sealed class SandboxWatchingProposer(FakeSandbox sandbox, Proposal proposal) : IProposer
    {
        private bool _proposed;

        public string Name => "watching";

        public bool SandboxBusyAtFirstProposal { get; private set; }

        public async ValueTask<Proposal?> ProposeAsync(ProposalContext context, CancellationToken cancellationToken)
        {
            if (_proposed)
                return null;
            _proposed = true;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (sandbox.Runs == 0 && DateTime.UtcNow < deadline)
                await System.Threading.Tasks.Task.Delay(5, cancellationToken);
            SandboxBusyAtFirstProposal = sandbox.Runs > 0;
            return proposal;
        }

        public void Observe(Decision decision)
        {
        }
    }

    [Fact]
    public async Task Run_PromotesOnlyImprovements_InProposalOrder()
    {
        var task = Task("score 1\n");
        using var store = OpenStore();
        var summary = await Run(task, store, new ReplayProposer(
        [
            Files("better", "score 2\n"),
            Files("worse", "score 0.5\n"),
            Files("crash", "crash\n"),
            Files("best", "score 3\n"),
            Files("equal", "score 3 \n"),
        ]));
        var byLabel = store.Candidates().ToDictionary(c => c.Label);
        Assert.Equal(CandidateStatus.Accepted, byLabel["better"].Status);
        Assert.True(byLabel["better"].Promoted);
        Assert.Equal(CandidateStatus.Accepted, byLabel["worse"].Status);
        Assert.False(byLabel["worse"].Promoted);
        Assert.Equal(CandidateStatus.Failed, byLabel["crash"].Status);
        Assert.Equal(Outcome.Crashed, byLabel["crash"].Outcome);
        Assert.Equal(CandidateStatus.Champion, byLabel["best"].Status);
        Assert.Equal(CandidateStatus.Accepted, byLabel["equal"].Status);
        Assert.Equal(3, summary.BestScore);
        Assert.Equal(byLabel["initial"].Id, byLabel["better"].Parent);
        Assert.Equal(byLabel["better"].Id, byLabel["best"].Parent);
        Assert.True(store.VerifyLedger().Intact);
    }

    [Fact]
    public async Task Run_ProposalTouchingAProtectedFile_IsRejectedBeforeRunning_AndCounted()
    {
        var task = Task();
        using var store = OpenStore();
        var sandbox = new FakeSandbox();
        var proposer = new ReplayProposer([new Proposal("grader overwrite", new ProposalChange.Files(new Dictionary<string, string> { ["score.txt"] = "print 1e9" }))]);
        var summary = await new RunController(task, store, sandbox, proposer, new RunOptions { Workers = 1, Policy = TestPolicies.Permissive }).RunAsync(TestContext.Current.CancellationToken);
        var rejected = store.Candidates().Single(c => c.Label == "grader overwrite");
        Assert.Equal(CandidateStatus.Rejected, rejected.Status);
        Assert.Equal(Outcome.Rejected, rejected.Outcome);
        Assert.Contains("score.txt", rejected.Reasons.Single());
        Assert.Equal(2, summary.Evaluations);
        Assert.Equal(4, sandbox.Runs); // the root only: run + score, and the reproduction re-run's run + score
        Assert.Equal(4, summary.SandboxRuns);
        Assert.Contains(store.ReadLedger(), e => e.Type == "rejection");
    }

    [Fact]
    public async Task Run_DuplicateProgram_IsNotEvaluatedAgain_AndNotCounted()
    {
        var task = Task("score 1\n");
        using var store = OpenStore();
        var summary = await Run(task, store, new ReplayProposer([Files("same as initial", "score 1\n"), Files("new", "score 2\n"), Files("again", "score 2\n")]));
        Assert.Equal(2, summary.Evaluations);
        Assert.Equal(2, store.Candidates().Count());
        Assert.Equal(2, store.ReadLedger().Count(e => e.Type == "duplicate"));
    }

    [Fact]
    public async Task Run_StopsAtTheEvaluationLimit_AndSaysWhichLimit()
    {
        var task = Task(budget: 300);
        using var store = OpenStore();
        var proposals = Enumerable.Range(2, 20).Select(i => Files($"p{i}", $"score {i}\n")).ToArray();
        var summary = await Run(task, store, new ReplayProposer(proposals), evaluations: 5);
        Assert.Equal(5, summary.Evaluations);
        Assert.Equal("evaluation limit reached: 5 of 5 (--evaluations 5)", summary.EndedReason);
    }

    [Fact]
    public async Task Run_WithManyWorkersAndRandomDelays_GivesTheSameDecisionsAsOneWorker()
    {
        var random = new Random(7);
        var proposals = Enumerable.Range(0, 30)
            .Select(i => Files($"p{i}", $"delay {random.Next(0, 30)}\nscore {random.NextDouble() * 10:0.000}\n" + (i % 7 == 3 ? "crash\n" : "")))
            .ToArray();
        async Task<string[]> Decisions(int workers, string state)
        {
            using var store = OpenStore(state);
            await Run(Task(), store, new ReplayProposer(proposals), workers);
            return store.Candidates().Select(c => $"{c.Seq}:{c.Label}:{c.Status.ToWire()}:{c.Promoted}:{c.Parent?[..8]}").ToArray();
        }
        var one = await Decisions(1, "one");
        var four = await Decisions(4, "four");
        var fourAgain = await Decisions(4, "four-again");
        Assert.Equal(four, fourAgain);
        // With full-file proposals the parent is the only thing the lookahead may change: statuses must agree.
        Assert.Equal(one.Select(StripParent), four.Select(StripParent));

        static string StripParent(string s) => s[..s.LastIndexOf(':')];
    }

    [Fact]
    public async Task Run_InterruptedAndResumed_EndsWithExactlyTheBudget_NoneLostNoneDuplicated()
    {
        var task = Task();
        var proposals = Enumerable.Range(2, 40).Select(i => Files($"p{i}", $"delay 15\nscore {i}\n")).ToArray();
        using (var store = OpenStore())
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
            var first = await Run(task, store, new ReplayProposer(proposals), workers: 2, evaluations: 20, ct: cts.Token);
            Assert.Equal(RunState.Stopped, first.State);
            Assert.InRange(store.Candidates().Count(c => c.IsDecided), 1, 19);
        }
        using (var store = OpenStore())
        {
            var second = await Run(task, store, new ReplayProposer(proposals), workers: 2, evaluations: 20);
            Assert.Equal(RunState.Finished, second.State);
            var all = store.Candidates().ToList();
            Assert.Equal(20, all.Count);
            Assert.All(all, c => Assert.True(c.IsDecided));
            Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), all.Select(c => c.Seq));
            Assert.Equal(20, store.ReadLedger().Count(e => e.Type == "evaluation"));
            Assert.Equal(["initial", .. Enumerable.Range(2, 19).Select(i => $"p{i}")], all.Select(c => c.Label));
            Assert.True(store.VerifyLedger().Intact);
        }
    }

    [Fact]
    public async Task Run_UnderNoise_FortyNeutralEditsPromoteNothing_AndARealGainWins()
    {
        var task = Task("noisy-score 100\n") with { Objective = new ObjectiveSpec("score", Direction.Maximize, Repeats: 5) };
        var neutral = Enumerable.Range(1, 40).Select(i => Files($"neutral {i}", $"noisy-score 100\n# comment {i}\n"));
        var proposals = neutral.Append(Files("real gain", "noisy-score 108\n")).ToArray();
        using var store = OpenStore();
        var summary = await Run(task, store, new ReplayProposer(proposals), workers: 2);
        var promoted = store.Candidates().Where(c => c.Promoted).Select(c => c.Label).ToArray();
        var gain = store.Candidates().Single(c => c.Label == "real gain");
        Assert.True(promoted.SequenceEqual(["initial", "real gain"]),
            $"promoted {string.Join(", ", promoted)}; the gain: {gain.Status} {string.Join(" | ", gain.Reasons)} {string.Join(" | ", gain.Verdicts.Select(v => $"{v.Auditor}:{v.Verdict}:{string.Join(";", v.Reasons)}"))}");
        Assert.Equal(42, summary.Evaluations);
        Assert.Contains(store.ReadLedger(), e => e.Type == "confirmation" && e.Payload.Contains("\"decision\":\"promote\"", StringComparison.Ordinal));
        Assert.True(store.VerifyLedger().Intact);
    }

    [Fact]
    public async Task Run_InvalidMetrics_AreATypedOutcome_NotACrash()
    {
        var task = Task();
        using var store = OpenStore();
        await Run(task, store, new ReplayProposer([Files("garbage", "garbage\n")]));
        var bad = store.Candidates().Single(c => c.Label == "garbage");
        Assert.Equal(Outcome.InvalidMetrics, bad.Outcome);
        Assert.Equal(CandidateStatus.Failed, bad.Status);
        Assert.Contains("not JSON", bad.Reasons.Single());
    }

    [Fact]
    public async Task Run_SetsRatchetSeed_SameForEveryCandidate_AndADifferentOneForTheReproductionRerun()
    {
        var task = Task();
        using var store = OpenStore();
        var sandbox = new FakeSandbox();
        await new RunController(task, store, sandbox, new ReplayProposer([Files("a", "score 2\n")]), new RunOptions { Workers = 1, Seed = 42, Policy = TestPolicies.Permissive }).RunAsync(TestContext.Current.CancellationToken);
        var seeds = sandbox.Environments.Select(e => e["RATCHET_SEED"]).ToArray();
        // root: run, score, re-run, re-score; then "a": the same four.
        Assert.Equal(8, seeds.Length);
        Assert.Equal(seeds[0], seeds[4]);
        Assert.Equal(seeds[2], seeds[6]);
        Assert.NotEqual(seeds[0], seeds[2]);
    }

    [Fact]
    public async Task Run_WhenProtectedFilesChangeBetweenRuns_RefusesToResume()
    {
        var task = Task();
        using (var store = OpenStore())
            await Run(task, store, new ReplayProposer([Files("a", "score 2\n")]), evaluations: 1);
        File.WriteAllText(Path.Combine(task.Root, "score.txt"), "edited scorer\n");
        using var again = OpenStore();
        var error = await Assert.ThrowsAsync<RunException>(() => Run(task, again, new ReplayProposer([Files("a", "score 2\n")]), evaluations: 5));
        Assert.Contains("score.txt", error.Message);
        Assert.Contains("--state", error.Message);
    }

    [Fact]
    public async Task Run_FinishedRun_ContinuesWhenTheLimitIsRaised()
    {
        var task = Task();
        var proposals = Enumerable.Range(2, 10).Select(i => Files($"p{i}", $"score {i}\n")).ToArray();
        using var store = OpenStore();
        Assert.Equal(3, (await Run(task, store, new ReplayProposer(proposals), evaluations: 3)).Evaluations);
        var more = await Run(task, store, new ReplayProposer(proposals), evaluations: 6);
        Assert.Equal(6, more.Evaluations);
        Assert.Equal(["initial", "p2", "p3", "p4", "p5", "p6"], store.Candidates().Select(c => c.Label));
        Assert.Contains(store.ReadLedger(), e => e.Type == "run-resumed");
    }
}
