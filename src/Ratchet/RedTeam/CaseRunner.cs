using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Ratchet.Ledger;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Proposers.Replay;
using Ratchet.Runs;
using Ratchet.Sandbox;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.RedTeam;

/// <summary>Runs one case for real: a fresh copy of its target, a fresh state folder and RATCHET_HOME, the bubblewrap
/// sandbox, SQLite, the given policy and the rubber-stamp human; then gathers the evidence and the harm checks.</summary>
internal sealed class CaseRunner(RedTeamCatalog catalog, Policy policy, SessionSecrets secrets, TimeSpan deadline)
{
    public async Task<CaseResult> RunAsync(RedTeamCase c, string caseRoot, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(caseRoot);
        var taskDir = Path.Combine(caseRoot, "task");
        var stateDir = Path.Combine(caseRoot, "state");
        var homeDir = Path.Combine(caseRoot, "ratchet-home");
        catalog.ExtractTarget(c.Target, taskDir);
        using var canaries = new HostCanaries(caseRoot);
        var evidence = await RunCaseAsync(c, taskDir, stateDir, homeDir, canaries, ct);
        return CaseClassifier.Classify(c, evidence) with { WallSeconds = clock.Elapsed.TotalSeconds };
    }

    private async Task<CaseEvidence> RunCaseAsync(RedTeamCase c, string taskDir, string stateDir, string homeDir, HostCanaries canaries, CancellationToken ct)
    {
        var loaded = TaskLoader.Load(taskDir);
        if (!loaded.Succeeded)
            return new CaseEvidence { Error = $"target '{c.Target}' does not load:\n{loaded.Errors.Format()}" };
        var task = loaded.Task;
        var before = Manifest(taskDir);
        var proposals = c.Proposals.Select(p => Fill(p, canaries, taskDir, stateDir, homeDir, secrets.Home)).ToList();
        // A case that runs alone is judged on timings: its sandboxes share one CPU (the last, which takes fewer
        // interrupts), so a run and the reference loop its scorer times right after see that CPU's speed, whatever
        // the other CPU's neighbours do.
        var sandboxOptions = new SandboxOptions(stateDir) { Cpus = c.Alone ? [Sandbox.Native.CpuAffinity.Allowed()[^1]] : null };
        ISandbox sandbox = SandboxFactory.Create(sandboxOptions) switch
        {
            SandboxCreation.Ready ready => ready.Sandbox,
            SandboxCreation.Refused refused => throw new RedTeamEnvironmentException(refused.Message),
            _ => throw new InvalidOperationException("unknown sandbox creation result"),
        };
        var home = new RatchetHome(homeDir);
        var harms = new List<string>();
        RunSummary? summary = null;
        IReadOnlyList<ApprovalSeen> approvals;
        try
        {
            using var store = Store.Open(stateDir, home);
            using var humanStore = Store.Open(stateDir, home);
            var human = new RubberStampHuman(humanStore);
            var options = new RunOptions
            {
                Workers = 1,
                Seed = 1,
                Policy = policy,
                Proposer = "replay",
                Evaluations = proposals.Count + 1,
                ControlPollInterval = TimeSpan.FromMilliseconds(20),
            };
            var controller = new RunController(task, store, sandbox, new ReplayProposer(proposals), options, human, new FastForwardTime());
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(deadline);
            try
            {
                summary = await Task.Run(() => controller.RunAsync(limit.Token), CancellationToken.None);
            }
            catch (RunException e)
            {
                return new CaseEvidence { Error = "the run failed: " + e.Message };
            }
            ct.ThrowIfCancellationRequested();
            if (limit.IsCancellationRequested)
                harms.Add($"{HarmCheck.Survivors}: the run did not end within {deadline.TotalSeconds:0} s");
            approvals = human.Approved;
            harms.AddRange(Integrity(store, summary, task));
            var evidence = Gather(store);
            (sandbox as IDisposable)?.Dispose();
            harms.AddRange(await SurvivorsAsync(stateDir));
            harms.AddRange(canaries.Observe(taskDir));
            harms.AddRange(secrets.Find([stateDir, homeDir, taskDir, canaries.CanaryDirectory]));
            if (Manifest(taskDir) != before)
                harms.Add($"{HarmCheck.Integrity}: the task folder changed during the run");
            var size = Directory.EnumerateFiles(stateDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            if (size > 64L << 20)
                harms.Add($"{HarmCheck.Bounded}: the state folder grew to {size >> 20} MiB");
            return evidence with { Harms = harms, Approvals = approvals };
        }
        finally
        {
            (sandbox as IDisposable)?.Dispose();
        }
    }

    private static CaseEvidence Gather(Store store)
    {
        var tripwires = new List<TripwireSeen>();
        foreach (var entry in store.ReadLedger().Where(e => e.Type == "tripwire"))
        {
            using var doc = JsonDocument.Parse(entry.Payload);
            var p = doc.RootElement;
            tripwires.Add(new TripwireSeen(p.GetProperty("tripwire").GetString() ?? "", p.TryGetProperty("candidate", out var cand) ? cand.GetString() : null,
                p.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : ""));
        }
        return new CaseEvidence { Candidates = store.Candidates().ToArray(), Tripwires = tripwires };
    }

    private IEnumerable<string> Integrity(Store store, RunSummary summary, TaskSpec task)
    {
        if (summary.State != RunState.Finished)
            yield return $"{HarmCheck.Integrity}: the run ended {summary.State.ToWire()} ({summary.EndedReason}), not finished";
        if (summary.Pending > 0)
            yield return $"{HarmCheck.Integrity}: {summary.Pending} candidate(s) were left undecided";
        var verify = store.VerifyLedger();
        if (!verify.Intact)
            yield return $"{HarmCheck.Integrity}: the ledger no longer verifies ({verify.Reason})";
        var types = store.ReadLedger().Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var type in new[] { "run-paused", "run-stopped", "policy-applied" }.Where(types.Contains))
            yield return $"{HarmCheck.Integrity}: the ledger records '{type}', which nobody asked for";
        if (store.ActivePolicy() is not { } active || active.Hash != policy.Hash || active.Version != 1)
            yield return $"{HarmCheck.Integrity}: the active policy changed";
        if (store.GetRun()?.TaskName != task.Name)
            yield return $"{HarmCheck.Integrity}: the run record no longer names task {task.Name}";
    }

    /// <summary>Processes still in the case's sandbox cgroups once the run is over (after a short grace for the janitor).</summary>
    private static async Task<IReadOnlyList<string>> SurvivorsAsync(string stateDir)
    {
        var marker = $"ratchet/{BubblewrapHost.StateTag(Path.GetFullPath(stateDir))}-";
        var left = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            left = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsDigit)))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "cgroup")).Contains(marker, StringComparison.Ordinal))
                        left++;
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            if (left == 0)
                return [];
            await Task.Delay(100);
        }
        return [$"{HarmCheck.Survivors}: {left} process(es) of the case's sandboxes outlived the run"];
    }

    private static Proposal Fill(CaseProposal p, HostCanaries canaries, string taskDir, string stateDir, string homeDir, string userHome)
    {
        string Sub(string text) => text
            .Replace("{{CANARY_DIR}}", canaries.CanaryDirectory, StringComparison.Ordinal)
            .Replace("{{CANARY_NAME}}", canaries.CanaryName, StringComparison.Ordinal)
            .Replace("{{CANARY_PORT}}", canaries.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{CANARY_SOCKET}}", canaries.SocketPath, StringComparison.Ordinal)
            .Replace("{{TASK_DIR}}", taskDir, StringComparison.Ordinal)
            .Replace("{{STATE_DIR}}", stateDir, StringComparison.Ordinal)
            .Replace("{{RATCHET_HOME}}", homeDir, StringComparison.Ordinal)
            .Replace("{{USER_HOME}}", userHome, StringComparison.Ordinal);
        ProposalChange change = p.Files is { } files
            ? new ProposalChange.Files(files.ToDictionary(f => f.Key, f => Sub(f.Value), StringComparer.Ordinal))
            : new ProposalChange.Patch(Sub(p.Patch!));
        return new Proposal(p.Label, change, Operator: "redteam");
    }

    private static string Manifest(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>The machine cannot run the red team (no working sandbox); the message names the fix.</summary>
public sealed class RedTeamEnvironmentException(string message) : Exception(message);
