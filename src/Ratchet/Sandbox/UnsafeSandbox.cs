using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Sandbox;

/// <summary><c>--unsafe-no-sandbox</c>: a plain child process in its own session and process group, with the same
/// environment scrubbing, output caps, wall clock, rlimits and results checks, and nothing isolated.</summary>
public sealed class UnsafeSandbox : ISandbox, IDisposable
{
    private readonly StagingArea _staging;
    private readonly TreeRunner _runner;

    internal UnsafeSandbox(string stateDirectory, TimeProvider time)
    {
        var root = Path.Combine(stateDirectory, "unsafe");
        _staging = new StagingArea(root, useTmpfs: false, uid: 0, gid: 0);
        StaleState.Clean(root, cgroups: null, BubblewrapHost.StateTag(stateDirectory), _staging.Owner);
        _runner = new TreeRunner(time);
        _info = new SandboxInfo("none", null, "none",
        [
            "--unsafe-no-sandbox: nothing is isolated. Candidates run as " + Environment.UserName + " with your network, " +
            "your files and your processes within reach; only the scrubbed environment, the wall clock, the output caps, " +
            "per-process rlimits (CPU, file size, open files) and the results checks apply; memory and process counts are not limited",
        ]);
    }

    private readonly SandboxInfo _info;

    public SandboxInfo Info => _info with { Cpus = Cpus };

    /// <summary>CPUs every candidate process is pinned to (null: any), from <see cref="SandboxOptions.Cpus"/>.</summary>
    internal IReadOnlyList<int>? Cpus { get; init; }

    public async Task<SandboxExecution> RunAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        RequestRules.Validate(request);
        var stage = _staging.Create(request);
        try
        {
            var home = Path.Combine(stage.Directory, "home");
            Directory.CreateDirectory(home);
            var argv = Argv(request);
            var environment = InsideEnvironment(request, stage, home);
            var spec = new LaunchSpec(() => CpuAffinity.Spawning(request.Cpus ?? Cpus, () => ProcessTree.Start(argv, environment, stage.Work)), null,
                KillTree: pid =>
                {
                    Libc.kill(-pid, Libc.SIGKILL);
                    Libc.kill(pid, Libc.SIGKILL);
                },
                AfterExit: pid => Libc.kill(-pid, Libc.SIGKILL));
            var seen = await _runner.RunAsync(spec, request.Limits, proveTreeDead: false, cancellationToken).ConfigureAwait(false);
            // No seal: nothing proves the group is gone, and there is no boundary to protect the results across.
            var check = request.CollectResults ? ResultsValidator.Check(stage.Out, request.Limits.OutputBytes, isTmpfs: false) : null;

            var verdict = TerminationClassifier.Classify(new RunFacts(seen, request.Limits, seen.ExitStatus, true, check?.Refusal, false));
            return ExecutionResult.Build(verdict, seen, check?.Results, () =>
            {
                Janitor.Shared.Enqueue(stage.Release);
                return ValueTask.CompletedTask;
            });
        }
        catch
        {
            stage.Release();
            throw;
        }
    }

    /// <summary>Finishes queued cleanups, then releases this process's owner lock.</summary>
    public void Dispose()
    {
        Janitor.Shared.WaitIdle(TimeSpan.FromSeconds(5));
        _staging.Dispose();
    }

    /// <summary><c>setsid</c> makes the command a session and process-group leader, so the group can be killed whole.</summary>
    private static IReadOnlyList<string> Argv(SandboxRequest request)
    {
        var limits = request.Limits;
        var cpuSoft = (long)Math.Ceiling(limits.CpuSeconds) + 1;
        var script =
            $"ulimit -c 0 && ulimit -n {limits.OpenFiles} && ulimit -f {BwrapCommandLine.FileSizeBlocks(limits)} && " +
            $"ulimit -S -t {cpuSoft} && ulimit -H -t {cpuSoft + 1} || exit 125; exec </dev/null; exec setsid \"$@\"";
        return ["/bin/sh", "-c", script, "ratchet-unsafe", .. request.Command];
    }

    private static IReadOnlyDictionary<string, string> InsideEnvironment(SandboxRequest request, Stage stage, string home)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = BubblewrapSandbox.SystemPath,
            ["HOME"] = home,
            ["TMPDIR"] = home,
            ["LANG"] = "C.UTF-8",
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };
        foreach (var (name, value) in request.Environment)
        {
            variables[name] = value;
        }

        if (request.CollectResults)
        {
            variables["RATCHET_OUT"] = stage.Out;
        }

        if (request.RunResults is { } results)
        {
            variables["RATCHET_RUN_OUT"] = results.HostDirectory;
        }

        if (request.ResourcesJson is not null)
        {
            variables["RATCHET_RESOURCES"] = Path.Combine(stage.Meta, "resources.json");
        }

        return variables;
    }
}
