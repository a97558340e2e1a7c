using System.Reflection;
using Ratchet.Common;

namespace Ratchet.Cli;

/// <summary>Runtime settings for <c>ratchet run</c> alone. The loop's code is compiled ahead of time (ReadyToRun);
/// left to the runtime's defaults, every method also goes through call-counting stubs on the way to a re-compilation
/// that a run rarely reaches, and that costs about 1.5 ms of CPU per evaluation, CPU the candidates of a second worker
/// need on a small machine (bench/RESULTS.md, "Core"). Without call counting the ahead-of-time code simply stays, but
/// the setting is read once, at start-up, and other verbs need the re-compiled code (<c>audit verify</c> hashes
/// hundreds of thousands of events and is a sixth slower without it). So <c>run</c> starts itself again, once, with
/// the setting in its environment, and takes it out again so that nothing the run starts inherits it.</summary>
/// <remarks>Costs one more runtime start (about 55 ms). Skipped where the user already chose the setting
/// (<c>DOTNET_TieredCompilation</c> or <c>DOTNET_TC_CallCountingDelayMs</c> in the environment), where the command
/// does not run as its own process (tests that call <see cref="Program.Main"/>), and where the restart fails (the
/// run then goes on with the defaults).</remarks>
internal static class LoopRuntime
{
    /// <summary>Set in the restarted process's environment (and removed at once), so it does not restart again.</summary>
    internal const string Marker = "RATCHET_LOOP_RUNTIME";

    /// <summary>How long call counting waits for start-up to settle, in hexadecimal milliseconds: the largest value,
    /// 24.8 days, which is as good as never.</summary>
    private const string CallCountingDelay = "DOTNET_TC_CallCountingDelayMs";
    private const string Never = "7FFFFFFF";

    public static void Enter(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Marker) is not null)
        {
            // This is the restarted process: keep the setting to itself (children read their environment at their
            // own start-up; a C# task's build must not run without its JIT's second tier).
            Environment.SetEnvironmentVariable(Marker, null);
            Environment.SetEnvironmentVariable(CallCountingDelay, null);
            return;
        }

        if (args is not ["run", ..] || !OperatingSystem.IsLinux() || Assembly.GetEntryAssembly() != typeof(Program).Assembly)
            return;
        if (Environment.GetEnvironmentVariable(CallCountingDelay) is not null || Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is not null)
            return;
        SelfExec.Replace(new Dictionary<string, string> { [CallCountingDelay] = Never, [Marker] = "1" });
    }
}
