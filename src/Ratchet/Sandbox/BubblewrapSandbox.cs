// The bubblewrap sandbox: how Ratchet runs candidate (untrusted) and scorer (trusted) commands.
//
// WHAT IT PROTECTS AGAINST (Ratchet running as root, cgroups available):
// - Network: a new, empty network namespace (loopback only); socket() for anything but AF_UNIX and NETLINK_ROUTE
//   is killed by seccomp (SIGSYS -> Termination.SeccompKill), io_uring is refused.
// - Host files: the root is a fresh tmpfs; only /usr and /etc (and a dotnet root outside /usr) are bound, read-only,
//   nosuid, nodev. The host identity is uid/gid 65534 with no supplementary groups (bwrap is spawned from a thread
//   switched to that identity, see BwrapLauncher; setpriv where that cannot be done), so DAC
//   checks are nobody's: /etc/shadow and root's 0600 files stay unreadable. /work is a read-only copy on a tmpfs,
//   /out a size- and inode-capped tmpfs owned by the sandbox uid, /tmp a size-capped private tmpfs, /dev bwrap's
//   own small device set (nodev).
// - Privilege: new user namespace with uid 65534 inside, every capability dropped (bounding set too),
//   no_new_privs, nested user namespaces disabled, mount/unshare/setns/ptrace/bpf/perf/keyctl/module calls killed.
// - Other processes: new pid, ipc, uts and cgroup namespaces; ptrace and process_vm_* killed; a new session with
//   stdin from /dev/null and TIOCSTI/TIOCLINUX killed (no typing into a terminal); every host descriptor above 2 is
//   close-on-exec, and pid 1's command line and environment inside name no host path and hold no host variable.
// - Secrets in the environment: bwrap starts with PATH only and clears the environment again.
// - Exhaustion: a memory cgroup (swap included when accounted), a pids cgroup, CPU time read from the cgroup,
//   a wall clock kept by Ratchet, stdout/stderr capped while read, RLIMIT_CPU/FSIZE/NOFILE/CORE as a second line.
//   Any limit passed kills the whole tree: SIGKILL to bwrap (--die-with-parent takes pid 1 and with it the pid
//   namespace), then every process left in the cgroup, and Ratchet waits until the cgroup is empty.
// - Results tricks: results are read only after the tree is dead, with lstat semantics; links, fifos, sockets,
//   devices, multiply-linked or oversize files refuse the whole folder. Accepted results are chowned to root.
// - Holdout detection through the filesystem: staging paths are random and sit on tmpfs (mountinfo shows "/work"
//   on a tmpfs, never a host path), files are copied in a fixed order with fixed modes and a fixed mtime/atime.
// - A killed Ratchet: stages are owned through an flock; the next start removes dead owners' mounts, folders
//   and cgroups (only those of the same state folder).
//
// WHAT IT DOES NOT PROTECT AGAINST:
// - Kernel bugs: the kernel is shared. Seccomp narrows the surface, it is a deny-list, not an allow-list.
// - Reading world-readable files under /usr and /etc (e.g. a config file with a secret and mode 0644).
// - Timing and the clock: a candidate can read the time, count CPUs, measure its own speed; ctime and birth
//   time of staged files and the sandbox root's times are "now" and cannot be fixed from user space.
// - Covert channels between concurrent sandboxes (CPU load, memory pressure), and host processes that run as
//   uid 65534 (they share the sandbox's host identity; choose a dedicated SandboxUid on such hosts).
// - Host-side mount propagation: on a host whose / is a shared mount, the stage tmpfs mounts propagate to peer
//   namespaces (they hold only staged copies).
// - Exit statuses of 128+n: bwrap reports a signal death that way, so a command exiting 159 by itself is reported
//   as a seccomp kill, 137 as a signal; a seccomp kill of a grandchild whose parent hides its status goes unseen
//   (the call itself was still refused).
// - Without root (or without cgroups) much less holds; every lost protection is listed in Info.Warnings.
using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;
using Ratchet.Sandbox.Seccomp;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Sandbox;

/// <summary>Runs commands under bubblewrap with namespaces, seccomp, cgroups and neutral staging (see the file header).</summary>
public sealed partial class BubblewrapSandbox : ISandbox, IDisposable
{
    private readonly BubblewrapHost _host;
    private readonly StagingArea _staging;
    private readonly TreeRunner _runner;
    private readonly string _seccompFile;
    private readonly WarmPool<WarmKey, WarmLaunch>? _warm;
    private int _warmUsed;

    internal BubblewrapSandbox(BubblewrapHost host)
    {
        _host = host;
        _runner = new TreeRunner(host.Time);
        _staging = new StagingArea(host.StagingRoot, useTmpfs: host.IsRoot, host.Uid, host.Gid);
        StaleState.Clean(host.StagingRoot, host.Cgroups, host.CgroupTag, _staging.Owner);
        _seccompFile = WriteSeccompFilter(host.StagingRoot);
        Info = new SandboxInfo("bubblewrap", host.Version, host.Cgroups?.Version ?? "none", BubblewrapWarnings.For(host)) { Cpus = host.Cpus };
        if (host.DirectLaunch)
        {
            // Made on the launcher thread itself: bwrap's --die-with-parent follows the thread that spawned it, and a
            // spawn there needs no hand-off (waiting on one cost a spin of sched_yield calls per launch).
            _warm = new WarmPool<WarmKey, WarmLaunch>(LauncherThread.Shared.Queue, ownsThread: false, Prepare, Discard, launch => !launch.Bwrap.HasExited);
        }
    }

    public SandboxInfo Info { get; }

    /// <summary>This process's staging owner id (part of its stage folders and cgroup names).</summary>
    internal string Owner => _staging.Owner;

    internal BubblewrapHost Host => _host;

    internal string SeccompFile => _seccompFile;

    /// <summary>Launches made ahead of need and waiting now (for tests).</summary>
    internal int WarmReady => _warm?.ReadyCount ?? 0;

    /// <summary>Runs that used a launch made ahead of need (for tests).</summary>
    internal int WarmUsed => _warmUsed;

    public async Task<SandboxExecution> RunAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        RequestRules.Validate(request);
        var key = _warm is null ? null : WarmKey.Of(request);
        var warm = key is null ? null : _warm!.Take(key);
        try
        {
            return await RunAsync(request, warm, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (key is not null)
            {
                _warm!.Done(key);
            }
        }
    }

    /// <summary>Gives back the launches made ahead of need (a paused or stopped run leaves no bwrap waiting).</summary>
    public void ReleaseIdle() => _warm?.DropReady();

    private async Task<SandboxExecution> RunAsync(SandboxRequest request, WarmLaunch? warm, CancellationToken cancellationToken)
    {
        var limits = request.Limits;
        Stage? stage = warm?.Stage;
        var cgroup = warm?.Cgroup;
        try
        {
            if (stage is null)
            {
                stage = _staging.Create(request);
            }
            else
            {
                StagingArea.Fill(stage, request);
                Interlocked.Increment(ref _warmUsed);
            }

            cgroup ??= _host.Cgroups?.Create(CgroupName(stage), limits);
            var plan = Plan(request, stage, cgroup);
            var options = BwrapCommandLine.ArgsFileContent(BwrapCommandLine.Options(plan));
            if (warm is not null && request.Cpus is { } cpus)
            {
                // Made ahead with the host's mask; bwrap has not started anything yet (it waits for its options), so
                // whatever it starts from here on inherits the worker's CPUs. A refusal leaves it unpinned, no worse.
                CpuAffinity.Pin(warm.Bwrap.Pid, cpus);
            }
            var spec = warm is null
                ? new LaunchSpec(Launch(plan, options, stage, request.Cpus ?? _host.Cpus), cgroup, Kill(cgroup))
                : new LaunchSpec(() => warm.Bwrap.Release(options), cgroup, Kill(cgroup), OnLauncherThread: false);
            var seen = await _runner.RunAsync(spec, limits, proveTreeDead: request.CollectResults, cancellationToken).ConfigureAwait(false);
            return Conclude(request, stage, seen);
        }
        catch
        {
            warm?.Bwrap.Abandon();
            stage?.Release();
            throw;
        }
        finally
        {
            RemoveCgroup(cgroup);
        }
    }

    private string CgroupName(Stage stage) => $"{_host.CgroupTag}-{_staging.Owner}-{stage.Id}";

    private static Action<int> Kill(SandboxCgroup? cgroup) => pid =>
    {
        Libc.kill(pid, Libc.SIGKILL);
        cgroup?.KillAll();
    };

    /// <summary>A launch made ahead of need (on the pool's thread): an empty stage, a cgroup, and bwrap spawned into
    /// it, waiting for its options.</summary>
    private WarmLaunch Prepare(WarmKey key)
    {
        var stage = _staging.CreateEmpty(key.CollectResults, key.Limits.OutputBytes);
        SandboxCgroup? cgroup = null;
        try
        {
            cgroup = _host.Cgroups?.Create(CgroupName(stage), key.Limits);
            var plan = Plan(key.Template(), stage, cgroup);
            var spawn = () => CpuAffinity.Spawning(_host.Cpus, () => BwrapLauncher.SpawnWaiting(plan, dropToSandboxUser: _host.IsRoot));
            var bwrap = LauncherThread.Shared.IsCurrent ? spawn() : LauncherThread.Shared.RunAsync(spawn).GetAwaiter().GetResult();
            try
            {
                bwrap.Join(plan.CgroupProcsFiles);
            }
            catch
            {
                bwrap.Abandon();
                throw;
            }

            return new WarmLaunch(stage, cgroup, bwrap);
        }
        catch
        {
            cgroup?.TryRemove();
            stage.Release();
            throw;
        }
    }

    private static void Discard(WarmLaunch launch)
    {
        launch.Bwrap.Abandon();
        RemoveCgroup(launch.Cgroup);
        launch.Stage.Release();
    }

    /// <summary>The launcher, pinned to <paramref name="cpus"/> when given: bwrap spawned directly (<see
    /// cref="BwrapLauncher"/>), or on hosts without what that needs, the shell that joins the cgroups, sets the rlimits
    /// and runs setpriv before bwrap.</summary>
    private Func<LaunchedTree> Launch(BwrapPlan plan, byte[] options, Stage stage, IReadOnlyList<int>? cpus)
    {
        if (_host.DirectLaunch)
        {
            return () => CpuAffinity.Spawning(cpus, () => BwrapLauncher.Start(plan, options, dropToSandboxUser: _host.IsRoot));
        }

        File.WriteAllBytes(stage.ArgsFile, options);
        var argv = BwrapCommandLine.Argv(plan);
        return () => CpuAffinity.Spawning(cpus, () => ProcessTree.Start(argv, ShellLauncherEnvironment, "/"));
    }

    private static readonly IReadOnlyDictionary<string, string> ShellLauncherEnvironment = BwrapLauncher.LauncherEnvironment.ToDictionary();

    /// <summary>Finishes queued cleanups, then releases this process's owner lock; stages still held by undisposed
    /// executions stay until the next start removes them.</summary>
    public void Dispose()
    {
        _warm?.Dispose();
        Janitor.Shared.WaitIdle(TimeSpan.FromSeconds(5));
        _staging.Dispose();
    }

    private SandboxExecution Conclude(SandboxRequest request, Stage stage, RunObservation seen)
    {
        var status = BwrapStatus.Read(stage.StatusFile);
        var started = status is not null || seen.Killed is not null;
        var check = request.CollectResults ? ResultsValidator.CheckAfter(seen.TreeDead, stage.Out, request.Limits.OutputBytes, stage.IsMounted) : null;

        var verdict = TerminationClassifier.Classify(new RunFacts(
            seen, request.Limits, status ?? seen.ExitStatus, started, check?.Refusal, check?.Full ?? false));
        if (!started)
        {
            verdict = verdict with { Detail = ExecutionResult.Join(verdict.Detail, ExecutionResult.LastLine(seen.Stderr.Bytes)) };
        }

        return ExecutionResult.Build(verdict, seen, check?.Results, () =>
        {
            Janitor.Shared.Enqueue(stage.Release);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Removes the cgroup off the caller's path (an rmdir on cgroup v1 can wait for the kernel), once bwrap's
    /// pid 1 has finished dying.</summary>
    private static void RemoveCgroup(SandboxCgroup? cgroup)
    {
        if (cgroup is null)
        {
            return;
        }

        Janitor.Shared.Enqueue(() =>
        {
            for (var attempt = 0; !cgroup.TryRemove() && attempt < 2500; attempt++)
            {
                cgroup.KillAll();
                Thread.Sleep(2);
            }
        });
    }

    private static string WriteSeccompFilter(string root)
    {
        var program = SeccompFilter.Build();
        var path = Path.Combine(root, $"seccomp-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(program))[..12]}.bpf");
        if (!File.Exists(path))
        {
            var temporary = path + "." + Environment.ProcessId;
            File.WriteAllBytes(temporary, program);
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }
}
