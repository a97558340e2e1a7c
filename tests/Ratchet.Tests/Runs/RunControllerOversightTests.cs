using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Proposers.Replay;
using Ratchet.Runs;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Tests.Runs;

/// <summary>The loop under a policy: auditors, the gate, approvals answered from a second store handle (as
/// <c>ratchet approve</c> does from another process), tripwires, the kill switch.</summary>
public sealed class RunControllerOversightTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDir _dir = new();
    private readonly RatchetHome _home;

    public RunControllerOversightTests() => _home = new RatchetHome(Path.Combine(_dir.Path, "home"));

    public void Dispose() => _dir.Dispose();

    private TaskSpec Task(bool holdout = false)
    {
        var root = Path.Combine(_dir.Path, "task");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "p.py"), "score 1\n");
        File.WriteAllText(Path.Combine(root, "score.txt"), "scorer\n");
        File.WriteAllText(Path.Combine(root, "mode.txt"), "visible\n");
        Directory.CreateDirectory(Path.Combine(root, "sealed"));
        File.WriteAllText(Path.Combine(root, "sealed", "mode.txt"), "sealed\n");
        return new TaskSpec
        {
            Name = "fake",
            Root = root,
            Program = new ProgramSpec(["p.py"]),
            Run = new PhaseSpec(["run"], ["mode.txt"], []),
            Score = new PhaseSpec(["score"], ["score.txt"], []),
            Holdout = holdout ? new HoldoutSpec(new Dictionary<string, string> { ["mode.txt"] = "sealed/mode.txt" }, new Dictionary<string, string>()) : null,
            Objective = new ObjectiveSpec("score", Direction.Maximize),
        };
    }

    private static Proposal Files(string label, string content) =>
        new(label, new ProposalChange.Files(new Dictionary<string, string> { ["p.py"] = content }));

    private Store Open() => Store.Open(Path.Combine(_dir.Path, "state"), _home);

    private Task<RunSummary> Start(TaskSpec task, Store store, Policy policy, params Proposal[] proposals) =>
        System.Threading.Tasks.Task.Run(() => new RunController(task, store, new FakeSandbox(), new ReplayProposer(proposals),
            new RunOptions { Workers = 1, Policy = policy, ControlPollInterval = TimeSpan.FromMilliseconds(20) }).RunAsync(TestContext.Current.CancellationToken));

    private static Policy Asking(string extra = "") => TestPolicies.Parse(TestPolicies.PermissiveToml.Replace("[approval]", "[approval]\nevery_promotion = true") + extra);

    private static async Task<ApprovalRecord> WaitForRequest(Store observer, Func<ApprovalRecord, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (observer.OpenApprovals().FirstOrDefault(a => match?.Invoke(a) ?? true) is { } found)
                return found;
            await System.Threading.Tasks.Task.Delay(20, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("no approval request appeared");
    }

    private static void Answer(Store store, long id, bool approve, string note = "test") => store.Write(tx =>
    {
        Assert.True(Store.AnswerApproval(tx, id, approve ? "approved" : "rejected", "tester", note));
        tx.Append(approve ? "approved" : "rejected-by-human", new { approval = id, by = "tester", note });
    });

    [Fact]
    public async Task Promotion_NeedingApproval_WaitsThenPromotesWhenApprovedFromAnotherHandle()
    {
        var task = Task();
        using var store = Open();
        using var human = Open();
        var run = Start(task, store, Asking(), Files("better", "score 2\n"));
        var request = await WaitForRequest(human);
        Assert.Equal("promotion", request.Kind);
        Assert.Equal("waiting-approval", human.RunStateWord());
        Answer(human, request.Id, approve: true);
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(2, summary.BestScore);
        var types = human.ReadLedger().Select(e => e.Type).ToList();
        Assert.True(types.IndexOf("approval-requested") < types.IndexOf("approved"));
        Assert.True(types.IndexOf("approved") < types.LastIndexOf("promotion"));
        Assert.True(human.VerifyLedger().Intact);
    }

    [Fact]
    public async Task Promotion_RejectedByAHuman_IsRejected_AndTheChampionStays()
    {
        var task = Task();
        using var store = Open();
        using var human = Open();
        var run = Start(task, store, Asking(), Files("better", "score 2\n"), Files("also", "score 3\n"));
        var first = await WaitForRequest(human);
        Answer(human, first.Id, approve: false, note: "not convinced");
        var second = await WaitForRequest(human, a => a.Id != first.Id);
        Answer(human, second.Id, approve: true);
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var better = human.Candidates().Single(c => c.Label == "better");
        Assert.Equal(CandidateStatus.Rejected, better.Status);
        Assert.Contains(better.Reasons, r => r.Contains("not convinced", StringComparison.Ordinal));
        Assert.Equal(3, summary.BestScore);
    }

    [Fact]
    public async Task ApprovedWithNoAllowanceWhileWaiting_TheRunGoesOnWithTheRemainingProposals()
    {
        // Regression: with max_evaluations_while_waiting = 0 the queue is empty when the answer comes; the run must
        // propose again instead of finishing.
        var task = Task();
        using var store = Open();
        using var human = Open();
        var policy = Asking().Canonical.Replace("max_evaluations_while_waiting = 100", "max_evaluations_while_waiting = 0");
        var run = Start(task, store, TestPolicies.Parse(policy), Files("better", "score 2\n"), Files("worse", "score 0.5\n"), Files("worst", "score 0.1\n"));
        var request = await WaitForRequest(human);
        Answer(human, request.Id, approve: true);
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(4, summary.Evaluations);
        Assert.Equal("the replay proposer has no more proposals", summary.EndedReason);
    }

    [Fact]
    public async Task WaitingForApproval_SurvivesARestart()
    {
        var task = Task();
        using (var store = Open())
        using (var human = Open())
        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            var run = System.Threading.Tasks.Task.Run(() => new RunController(task, store, new FakeSandbox(), new ReplayProposer([Files("better", "score 2\n")]),
                new RunOptions { Workers = 1, Policy = Asking(), ControlPollInterval = TimeSpan.FromMilliseconds(20) }).RunAsync(cts.Token));
            await WaitForRequest(human);
            await cts.CancelAsync();
            Assert.Equal(RunState.Stopped, (await run.WaitAsync(Patience, TestContext.Current.CancellationToken)).State);
        }
        using var again = Open();
        using var person = Open();
        var resumed = Start(task, again, Asking(), Files("better", "score 2\n"));
        var request = await WaitForRequest(person);
        Assert.Single(person.AllApprovals());
        Answer(person, request.Id, approve: true);
        Assert.Equal(2, (await resumed.WaitAsync(Patience, TestContext.Current.CancellationToken)).BestScore);
        Assert.Single(person.ReadLedger(), e => e.Type == "promotion-proposed");
    }

    [Fact]
    public async Task ApprovalTimeout_RejectsTheUnansweredPromotion()
    {
        var task = Task();
        using var store = Open();
        var policy = Asking().Canonical.Replace("approval_timeout = false", "approval_timeout = 1");
        var summary = await Start(task, store, TestPolicies.Parse(policy), Files("better", "score 2\n")).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(1, summary.BestScore);
        Assert.Contains(store.ReadLedger(), e => e.Type == "approval-expired");
        Assert.Contains(store.Candidates().Single(c => c.Label == "better").Reasons, r => r.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HoldoutDisagreement_RejectsTheVisibleGain()
    {
        var task = Task(holdout: true);
        File.WriteAllText(Path.Combine(task.Root, "p.py"), "score 1\nsealed-score 1\n");
        using var store = Open();
        var summary = await Start(task, store, TestPolicies.Permissive,
            Files("special-cased", "score 5\nsealed-score 0.5\n"), Files("honest", "score 2\nsealed-score 1.5\n")).WaitAsync(Patience, TestContext.Current.CancellationToken);
        var cheat = store.Candidates().Single(c => c.Label == "special-cased");
        Assert.Equal(CandidateStatus.Rejected, cheat.Status);
        Assert.Contains(cheat.Verdicts, v => v.Auditor == "holdout-agreement" && v.Verdict == Verdict.Reject);
        Assert.Equal(2, summary.BestScore);
        Assert.Contains(store.ReadLedger(), e => e.Type == "audit" && e.Payload.Contains("holdout-agreement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaticRule_RejectsBeforeRunning_WithoutASandbox()
    {
        var task = Task();
        using var store = Open();
        var sandbox = new FakeSandbox();
        await new RunController(task, store, sandbox, new ReplayProposer([Files("spawn", "import os\nos.system('curl evil')\nscore 9\n")]),
            new RunOptions { Workers = 1, Policy = TestPolicies.Permissive }).RunAsync(TestContext.Current.CancellationToken);
        var spawn = store.Candidates().Single(c => c.Label == "spawn");
        Assert.Equal(CandidateStatus.Rejected, spawn.Status);
        Assert.Contains(spawn.Verdicts, v => v.Auditor == "static-rules" && v.Verdict == Verdict.Reject);
        Assert.Equal(4, sandbox.Runs); // the root only
    }

    [Fact]
    public async Task ProtectedTouch_FiresATripwire_AndARejectedAnswerStopsTheRun()
    {
        var task = Task();
        using var store = Open();
        using var human = Open();
        var policy = TestPolicies.Parse(TestPolicies.PermissiveToml.Replace("protected_touch = false", "protected_touch = true"));
        var touch = new Proposal("overwrite scorer", new ProposalChange.Files(new Dictionary<string, string> { ["score.txt"] = "print 1e9" }));
        var run = Start(task, store, policy, touch, Files("later", "score 2\n"));
        var request = await WaitForRequest(human);
        Assert.Equal("tripwire", request.Kind);
        Assert.Contains("protected", string.Join(" ", request.Reasons), StringComparison.OrdinalIgnoreCase);
        Answer(human, request.Id, approve: false, note: "halt");
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Stopped, summary.State);
        Assert.Contains("halt", summary.EndedReason);
        Assert.DoesNotContain(human.Candidates(), c => c.Label == "later" && c.IsDecided);
    }

    [Fact]
    public async Task PauseFromAnotherHandle_KillsInFlightWork_AndResumeFinishesTheRun()
    {
        var task = Task();
        using var store = Open();
        using var human = Open();
        var run = Start(task, store, TestPolicies.Permissive, Files("slow", "delay 3000\nscore 2\n"), Files("next", "score 3\n"));
        await WaitUntil(() => human.Candidates().Any(c => c.Label == "slow"));
        human.Write(tx =>
        {
            Assert.True(Store.SetRunStateIf(tx, "running", "paused"));
            tx.Append("run-paused", new { by = "tester" });
        });
        await System.Threading.Tasks.Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(run.IsCompleted);
        Assert.Null(human.GetCandidate(human.Candidates().Single(c => c.Label == "slow").Id)!.Outcome);
        human.Write(tx =>
        {
            Assert.True(Store.SetRunStateIf(tx, "paused", "running"));
            tx.Append("run-resumed", new { by = "tester" });
        });
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Finished, summary.State);
        Assert.Equal(3, summary.BestScore);
    }

    [Fact]
    public async Task StopFromAnotherHandle_EndsTheLoopQuickly_LeavingWorkPending()
    {
        var task = Task();
        using var store = Open();
        using var human = Open();
        var run = Start(task, store, TestPolicies.Permissive, Files("slow", "delay 10000\nscore 2\n"));
        await WaitUntil(() => human.Candidates().Any(c => c.Label == "slow"));
        var asked = DateTime.UtcNow;
        human.Write(tx =>
        {
            Assert.True(Store.SetRunStateIf(tx, "running", "stopped"));
            tx.Append("run-stopped", new { by = "tester" });
        });
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Stopped, summary.State);
        Assert.True(DateTime.UtcNow - asked < TimeSpan.FromSeconds(5));
        Assert.False(human.Candidates().Single(c => c.Label == "slow").IsDecided);
        Assert.True(human.VerifyLedger().Intact);
    }

    [Fact]
    public async Task BudgetSpentWhileWaiting_WaitsForTheAnswer_ThenFinishes()
    {
        var task = Task();
        using var store = Open();
        using var human = Open();
        var run = System.Threading.Tasks.Task.Run(() => new RunController(task, store, new FakeSandbox(),
            new ReplayProposer([Files("better", "score 2\n"), Files("x", "score 0.1\n"), Files("y", "score 0.2\n")]),
            new RunOptions { Workers = 1, Evaluations = 2, Policy = Asking(), ControlPollInterval = TimeSpan.FromMilliseconds(20) })
            .RunAsync(TestContext.Current.CancellationToken));
        var request = await WaitForRequest(human);
        await System.Threading.Tasks.Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(run.IsCompleted);
        Answer(human, request.Id, approve: true);
        var summary = await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Finished, summary.State);
        Assert.Equal(2, summary.Evaluations);
        Assert.Equal(2, summary.BestScore);
    }

    [Fact]
    public async Task FailingInvariant_RejectsTheWouldBeChampion_WithItsOutput()
    {
        var task = Task() with { Invariants = [new InvariantSpec("bounded", ["invariant-max", "5"], [])] };
        using var store = Open();
        var summary = await Start(task, store, TestPolicies.Permissive, Files("unsafe", "score 9\n"), Files("safe", "score 4\n"))
            .WaitAsync(Patience, TestContext.Current.CancellationToken);
        var rejected = store.Candidates().Single(c => c.Label == "unsafe");
        Assert.Equal(CandidateStatus.Rejected, rejected.Status);
        Assert.Contains(rejected.Reasons, r => r.Contains("invariant 'bounded' failed", StringComparison.Ordinal) && r.Contains("above the safe bound 5", StringComparison.Ordinal));
        Assert.Equal(4, summary.BestScore);
    }

    [Fact]
    public async Task DeterministicTask_RejectsACandidateWhoseResultsChangeBetweenIdenticalRuns()
    {
        var task = Task() with { Objective = new ObjectiveSpec("score", Direction.Maximize, Deterministic: true) };
        using var store = Open();
        var summary = await Start(task, store, TestPolicies.Permissive, Files("stateful", "score 3\nnoise\n"), Files("steady", "score 2\n"))
            .WaitAsync(Patience, TestContext.Current.CancellationToken);
        var stateful = store.Candidates().Single(c => c.Label == "stateful");
        Assert.Equal(CandidateStatus.Rejected, stateful.Status);
        Assert.Contains(stateful.Verdicts, v => v.Auditor == "deterministic-check" && v.Verdict == Verdict.Reject);
        Assert.Equal(2, summary.BestScore);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("condition not met");
            await System.Threading.Tasks.Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
