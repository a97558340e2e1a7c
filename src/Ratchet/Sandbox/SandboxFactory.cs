using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox;

/// <summary>Chooses and builds the sandbox: bubblewrap when it works here, the unsafe one only when asked for.</summary>
public static class SandboxFactory
{
    internal const string InstallHint =
        "as root run `apt-get install -y bubblewrap` (Debian/Ubuntu; `dnf install bubblewrap` on Fedora), " +
        "or pass --unsafe-no-sandbox to run without isolation (the choice is recorded in the ledger)";

    /// <summary>Builds the sandbox for <paramref name="options"/>, after a trial run that proves it works here.</summary>
    public static SandboxCreation Create(SandboxOptions options) => Create(options, TimeProvider.System);

    internal static SandboxCreation Create(SandboxOptions options, TimeProvider time)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            return new SandboxCreation.Refused("invalid sandbox options:\n  - " + string.Join("\n  - ", problems));
        }

        var stateDirectory = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(stateDirectory);
        if (options.AllowUnsafe)
        {
            return new SandboxCreation.Ready(new UnsafeSandbox(stateDirectory, time) { Cpus = options.Cpus });
        }

        if (!OperatingSystem.IsLinux())
        {
            return new SandboxCreation.Refused($"the bubblewrap sandbox needs Linux (found {Environment.OSVersion}); pass --unsafe-no-sandbox to run without isolation");
        }

        var path = Environment.GetEnvironmentVariable("PATH");
        var bwrap = HostProbe.FindExecutable(options.BwrapPath ?? "bwrap", path);
        if (bwrap is null)
        {
            var where = options.BwrapPath is null ? "not on PATH nor in /usr/bin" : $"not an executable file at {options.BwrapPath}";
            return new SandboxCreation.Refused($"bubblewrap (bwrap) is not installed ({where}): {InstallHint}");
        }

        var isRoot = Libc.geteuid() == 0;
        var direct = !options.ShellLauncher && BwrapLauncher.IsAvailable(isRoot);
        var setpriv = isRoot && !direct ? HostProbe.FindExecutable("setpriv", path) : null;
        if (isRoot && !direct && setpriv is null)
        {
            return new SandboxCreation.Refused(
                "setpriv is missing (Ratchet runs as root and uses it to drop to the sandbox uid before bwrap): " +
                "as root run `apt-get install -y util-linux`, or pass --unsafe-no-sandbox to run without isolation");
        }

        var cgroupProblems = (IReadOnlyList<string>)["not root"];
        var cgroups = isRoot ? CgroupDetector.Detect(MountInfo.ReadSelf(), out cgroupProblems) : null;
        var host = new BubblewrapHost(
            bwrap, HostProbe.BwrapVersion(bwrap), isRoot, direct, setpriv, options.SandboxUid, options.SandboxGid, cgroups, cgroupProblems,
            HostProbe.DotnetRootOutsideUsr(Environment.GetEnvironmentVariable("DOTNET_ROOT"), path),
            stateDirectory, StagingRoot(stateDirectory, isRoot), time) { Cpus = options.Cpus };
        return Trial(new BubblewrapSandbox(host), bwrap);
    }

    /// <summary>Runs <c>true</c> once: a kernel without user namespaces, or a broken bwrap, fails here with a fix, not mid-run.</summary>
    private static SandboxCreation Trial(BubblewrapSandbox sandbox, string bwrap)
    {
        var request = new SandboxRequest
        {
            Command = ["/bin/true"],
            Limits = new SandboxLimits(WallSeconds: 30, CpuSeconds: 10, MemoryMb: 64, Processes: 8, OutputBytes: 65536),
        };
        var execution = sandbox.RunAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        using var release = new AsyncRelease(execution);
        if (execution is { Termination: Termination.Exited, ExitCode: 0 })
        {
            return new SandboxCreation.Ready(sandbox);
        }

        sandbox.Dispose();
        var stderr = System.Text.Encoding.UTF8.GetString(execution.Stderr).Trim();
        return new SandboxCreation.Refused(
            $"bubblewrap ({bwrap}) is installed but could not start a sandbox here ({execution.Termination}, {execution.Detail}): {stderr}. " +
            "Check that unprivileged user namespaces are allowed (sysctl user.max_user_namespaces > 0; on Ubuntu 24.04+ " +
            "kernel.apparmor_restrict_unprivileged_userns=0 or an AppArmor profile for bwrap), or pass --unsafe-no-sandbox to run without isolation");
    }

    /// <summary><c>&lt;state&gt;/sbx</c>, unless root and the state folder is not searchable by others: bwrap runs as the
    /// sandbox uid and must reach the stage, so the stage then goes under /run/ratchet.</summary>
    private static string StagingRoot(string stateDirectory, bool isRoot)
    {
        if (!isRoot || HostProbe.TraversableByOthers(stateDirectory))
        {
            return Path.Combine(stateDirectory, "sbx");
        }

        Directory.CreateDirectory("/run/ratchet");
        Libc.chmod("/run/ratchet", 0x1c9);
        return Path.Combine("/run/ratchet", BubblewrapHost.StateTag(stateDirectory));
    }

    private sealed class AsyncRelease(SandboxExecution execution) : IDisposable
    {
        public void Dispose() => execution.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
