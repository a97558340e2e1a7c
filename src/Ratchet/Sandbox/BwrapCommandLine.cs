using System.Globalization;
using System.Text;

namespace Ratchet.Sandbox;

/// <summary>Builds bwrap's command line and options. <see cref="DirectArgv"/> is what <see cref="BwrapLauncher"/> spawns;
/// <see cref="Argv"/> is the fallback launcher for hosts without it:
/// <c>/bin/sh -c '&lt;join cgroups; rlimits; open fds&gt;; exec setpriv ... bwrap --args 8 -- cmd'</c>.</summary>
internal static class BwrapCommandLine
{
    internal const int SeccompFd = 9;
    internal const int ArgsFd = 8;
    internal const int StatusFd = 7;

    /// <summary>argv for the launcher process.</summary>
    public static IReadOnlyList<string> Argv(BwrapPlan plan)
    {
        var argv = new List<string> { "/bin/sh", "-c", Script(plan), "ratchet-sandbox" };
        if (plan.SetprivPath is { } setpriv)
        {
            argv.AddRange([
                setpriv, $"--reuid={plan.Uid}", $"--regid={plan.Gid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
            ]);
        }

        argv.AddRange([plan.BwrapPath, "--args", Number(ArgsFd), "--"]);
        argv.AddRange(plan.Command);
        return argv;
    }

    /// <summary>argv for <see cref="BwrapLauncher"/>: bwrap itself, its options from fd 8, then the command.</summary>
    public static IReadOnlyList<string> DirectArgv(BwrapPlan plan) =>
        [plan.BwrapPath, "--args", Number(ArgsFd), "--", .. plan.Command];

    /// <summary>The shell part. dash counts <c>ulimit -f</c> in 512-byte blocks and sets soft and hard together
    /// unless told -S/-H; soft must be set before a lower hard.</summary>
    internal static string Script(BwrapPlan plan)
    {
        var script = new StringBuilder();
        foreach (var procs in plan.CgroupProcsFiles)
        {
            // Join before bwrap forks, so no process of the sandbox ever runs outside the cgroup.
            script.Append("echo $$ >").Append(Quote(procs)).Append(" || exit 125; ");
        }

        var limits = plan.Limits;
        var cpuSoft = (long)Math.Ceiling(limits.CpuSeconds) + 1;
        script.Append("ulimit -c 0 && ")
            .Append("ulimit -n ").Append(Number(limits.OpenFiles)).Append(" && ")
            .Append("ulimit -f ").Append(Number(FileSizeBlocks(limits))).Append(" && ")
            .Append("ulimit -S -t ").Append(Number(cpuSoft)).Append(" && ")
            .Append("ulimit -H -t ").Append(Number(cpuSoft + 1)).Append(" || exit 125; ");
        script.Append("exec ").Append(SeccompFd).Append('<').Append(Quote(plan.SeccompFile))
            .Append(' ').Append(ArgsFd).Append('<').Append(Quote(plan.ArgsFile))
            .Append(' ').Append(StatusFd).Append('>').Append(Quote(plan.StatusFile))
            .Append(" </dev/null || exit 125; ");
        script.Append("exec \"$@\"");
        return script.ToString();
    }

    /// <summary>bwrap's options (read from fd 8): namespaces, identity, environment, filesystem, seccomp.</summary>
    public static IReadOnlyList<string> Options(BwrapPlan plan)
    {
        var limits = plan.Limits;
        var options = new List<string>
        {
            "--unshare-all", "--unshare-user", "--uid", Number(plan.Uid), "--gid", Number(plan.Gid),
            "--hostname", "ratchet", "--cap-drop", "ALL", "--disable-userns", "--die-with-parent", "--new-session",
            "--json-status-fd", Number(StatusFd), "--clearenv",
        };
        foreach (var (name, value) in plan.Environment)
        {
            options.AddRange(["--setenv", name, value]);
        }

        options.AddRange([
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
            "--ro-bind", "/etc", "/etc",
        ]);
        foreach (var folder in plan.ExtraReadOnlyBinds)
        {
            options.AddRange(["--ro-bind", folder, folder]);
        }

        var tmpBytes = Number(limits.TmpMb * 1024L * 1024L);
        options.AddRange([
            "--proc", "/proc", "--dev", "/dev",
            // --size applies to the next --tmpfs only, so it must come first. /dev (bwrap's own tmpfs, nodev)
            // is writable by the sandbox uid, so /dev/shm needs no mount of its own.
            "--size", tmpBytes, "--tmpfs", "/tmp",
            "--ro-bind", plan.WorkDirectory, "/work",
        ]);
        AddBind(options, "--ro-bind", plan.MetaDirectory, "/ratchet");
        AddBind(options, "--bind", plan.OutDirectory, "/out");
        AddBind(options, "--ro-bind", plan.RunOutDirectory, "/run-out");
        // bwrap's root tmpfs is writable by the sandbox uid; nothing needs it once the mount points exist.
        options.AddRange(["--remount-ro", "/", "--chdir", "/work", "--seccomp", Number(SeccompFd)]);
        return options;
    }

    /// <summary>The options as bwrap's --args file wants them: each followed by a NUL.</summary>
    public static byte[] ArgsFileContent(IReadOnlyList<string> options)
    {
        var builder = new StringBuilder();
        foreach (var option in options)
        {
            builder.Append(option).Append('\0');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>RLIMIT_FSIZE in dash's 512-byte blocks: the larger of the output cap and the /tmp size, so that
    /// a scratch file /tmp allows is not killed; /out itself is capped by its tmpfs and by the results check.</summary>
    internal static long FileSizeBlocks(SandboxLimits limits) =>
        (Math.Max(limits.OutputBytes, limits.TmpMb * 1024L * 1024L) + 511) / 512;

    internal static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void AddBind(List<string> options, string kind, string? source, string target)
    {
        if (source is not null)
        {
            options.AddRange([kind, source, target]);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
