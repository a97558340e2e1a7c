namespace Ratchet.Sandbox;

/// <summary>How Ratchet builds its sandbox (see <see cref="SandboxFactory"/>).</summary>
/// <param name="StateDirectory">Folder for staging and the seccomp filter (e.g. <c>&lt;task&gt;/.ratchet</c>); created
/// if missing. Required, absolute.</param>
/// <param name="AllowUnsafe"><c>--unsafe-no-sandbox</c>: run without isolation, even where bubblewrap works.
/// Default false.</param>
/// <param name="BwrapPath">bwrap executable to use. Default null: <c>bwrap</c> on PATH, then /usr/bin/bwrap.</param>
/// <param name="SandboxUid">Host and inside uid of sandboxed processes when Ratchet is root. Default 65534 (nobody).</param>
/// <param name="SandboxGid">Host and inside gid of sandboxed processes when Ratchet is root. Default 65534.</param>
public sealed record SandboxOptions(
    string StateDirectory,
    bool AllowUnsafe = false,
    string? BwrapPath = null,
    int SandboxUid = 65534,
    int SandboxGid = 65534)
{
    /// <summary>Start bwrap through the shell launcher (sh, setpriv) even where the direct one works: for tests of
    /// the fallback.</summary>
    internal bool ShellLauncher { get; init; }

    /// <summary>Pins every sandboxed process to these CPUs (null: any). For timing objectives on machines whose CPUs
    /// run at different speeds from minute to minute (shared VMs): a measurement's run and score phases, and whatever
    /// reference the scorer times, then share one CPU's speed.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    /// <summary>Every problem with these options, all together; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StateDirectory) || !Path.IsPathRooted(StateDirectory))
        {
            problems.Add($"StateDirectory must be an absolute folder (e.g. /srv/task/.ratchet), found '{StateDirectory}'");
        }

        if (SandboxUid <= 0 || SandboxGid <= 0)
        {
            problems.Add($"SandboxUid and SandboxGid must be non-root ids above 0 (e.g. 65534), found {SandboxUid}:{SandboxGid}");
        }

        if (BwrapPath is not null && !Path.IsPathRooted(BwrapPath))
        {
            problems.Add($"BwrapPath must be absolute (e.g. /usr/bin/bwrap), found '{BwrapPath}'");
        }

        if (Cpus is not null)
        {
            var allowed = CpuList.Allowed();
            if (Cpus.Count == 0 || Cpus.Any(c => !allowed.Contains(c)))
            {
                problems.Add($"Cpus must name CPUs this process may use ({CpuList.Format(allowed)}), found [{CpuList.Format(Cpus)}]");
            }
        }

        return problems;
    }
}
