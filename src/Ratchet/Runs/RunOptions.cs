namespace Ratchet.Runs;

/// <summary>How to run (one options surface for the command line; defaults here, documented per property).</summary>
public sealed record RunOptions
{
    /// <summary>Total evaluations for the run, the initial program included (<c>--evaluations</c>); default: the task's [budget].</summary>
    public int? Evaluations { get; init; }

    /// <summary>Evaluations at once (<c>--workers</c>); default: the number of cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>With two or more workers and at least as many CPUs as the sandbox may use (<see
    /// cref="Sandbox.SandboxInfo.Cpus"/>, else all), each worker's sandboxes run on their own share of them (<see
    /// cref="Sandbox.CpuList.PerWorker"/>); false (<c>--shared-cpus</c>): every sandbox may use all of them. Default true.</summary>
    public bool PinWorkers { get; init; } = true;

    /// <summary>Run seed (<c>--seed</c>); default 1. Fixed at run creation; a resumed run keeps its own.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Proposer name recorded with the run (<c>--proposer</c>); default "builtin".</summary>
    public string Proposer { get; init; } = "builtin";

    /// <summary>The replay file (<c>--replay</c>), recorded in the run's config so a resume finds it.</summary>
    public string? ReplayPath { get; init; }

    /// <summary>The improver genome file (<c>--improver</c>), recorded in the run's config.</summary>
    public string? ImproverPath { get; init; }

    /// <summary>The oversight policy for a new run (<c>policy.toml</c>, <c>--policy</c>); default: the <c>delegate</c> preset.
    /// A resumed run keeps its recorded policy; only <c>ratchet policy apply</c> changes it.</summary>
    public Ratchet.Oversight.Policy? Policy { get; init; }

    /// <summary>True when the user passed <c>--unsafe-no-sandbox</c> (recorded in the ledger, shown in status).</summary>
    public bool UnsafeNoSandbox { get; init; }

    /// <summary>Interval at which a running loop re-reads control requests from other processes. Default 200 ms.</summary>
    public TimeSpan ControlPollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Consecutive duplicate proposals after which the proposer counts as exhausted. Default 1000.</summary>
    public int MaxConsecutiveDuplicates { get; init; } = 1000;
}
