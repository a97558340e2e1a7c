namespace Ratchet.Evaluation.Build;

/// <summary>Creates the builder a task's <c>[build]</c> section names (<c>kind</c>, <c>output</c>).</summary>
public static class ProgramBuilders
{
    /// <summary>The <c>[build] kind</c> values Ratchet knows.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["csharp"];

    /// <summary>A builder for <paramref name="kind"/> writing <paramref name="output"/> (null: the kind's default,
    /// e.g. <c>program.dll</c>), or null and an error naming what was expected.</summary>
    public static IProgramBuilder? Create(string kind, string? output, out string? error)
    {
        if (kind != "csharp")
        {
            error = $"[build] kind must be one of {string.Join(", ", Kinds.Select(k => $"\"{k}\""))} (e.g. kind = \"csharp\"); found \"{kind}\"";
            return null;
        }
        var options = output is null ? new CSharpBuildOptions() : new CSharpBuildOptions { OutputName = output };
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            error = $"[build] output must be a plain file name ending in .dll (e.g. output = \"program.dll\"); found \"{output}\"";
            return null;
        }
        error = null;
        return new CSharpBuilder(options);
    }
}
