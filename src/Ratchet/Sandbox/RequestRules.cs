using System.Text.RegularExpressions;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Sandbox;

/// <summary>Checks a <see cref="SandboxRequest"/> before anything is staged; every problem is reported at once.</summary>
internal static partial class RequestRules
{
    /// <summary>Variables the sandbox sets itself.</summary>
    internal static readonly string[] Reserved = ["RATCHET_OUT", "RATCHET_RUN_OUT", "RATCHET_RESOURCES"];

    public static void Validate(SandboxRequest request)
    {
        var problems = new List<string>();
        if (request.Command.Count == 0 || string.IsNullOrEmpty(request.Command[0]))
        {
            problems.Add("Command is empty (expected an argv such as [\"python3\", \"main.py\"])");
        }

        if (request.Command.Any(argument => argument.Contains('\0')))
        {
            problems.Add("Command holds a NUL character");
        }

        foreach (var (name, value) in request.Environment)
        {
            if (!VariableName().IsMatch(name))
            {
                problems.Add($"environment variable name '{name}' is not a shell name (expected e.g. SEED or MY_VAR_2)");
            }
            else if (Reserved.Contains(name))
            {
                problems.Add($"environment variable {name} is set by the sandbox itself");
            }

            if (value.Contains('\0'))
            {
                problems.Add($"environment variable {name} holds a NUL character");
            }
        }

        problems.AddRange(LimitProblems(request.Limits));
        if (request.Cpus is { } cpus && (cpus.Count == 0 || cpus.Any(cpu => cpu is < 0 or >= Native.CpuAffinity.MaxCpus)))
        {
            problems.Add($"Cpus must name at least one CPU, each from 0 to {Native.CpuAffinity.MaxCpus - 1} (found [{string.Join(",", cpus)}]); leave it null for the sandbox's own setting");
        }
        if (request.RunResults is { } results && !Directory.Exists(results.HostDirectory))
        {
            problems.Add($"RunResults folder {results.HostDirectory} does not exist (was the run's execution disposed too early?)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid sandbox request: " + string.Join("; ", problems), nameof(request));
        }

        StagedPathRules.Validate(request.WorkFiles);
    }

    internal static IEnumerable<string> LimitProblems(SandboxLimits limits)
    {
        if (!(limits.WallSeconds > 0) || !(limits.CpuSeconds > 0))
        {
            yield return $"wall and CPU seconds must be positive (found {limits.WallSeconds} and {limits.CpuSeconds})";
        }

        if (limits.MemoryMb <= 0 || limits.Processes <= 0 || limits.TmpMb <= 0 || limits.OpenFiles < 16)
        {
            yield return $"memory MiB, processes and tmp MiB must be positive and open files at least 16 " +
                         $"(found {limits.MemoryMb}, {limits.Processes}, {limits.TmpMb}, {limits.OpenFiles})";
        }

        if (limits.OutputBytes <= 0)
        {
            yield return $"output bytes must be positive (found {limits.OutputBytes})";
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
