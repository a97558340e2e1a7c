using Ratchet.Common;
namespace Ratchet.Oversight;

/// <summary>Loads the run's policy: a file given by the user, a preset name, the task's <c>policy.toml</c>, or the
/// default preset. A missing file that was asked for is an error, never a silent fall-back to defaults.</summary>
public static class PolicyLoader
{
    /// <summary>The policy file Ratchet looks for in a task folder when no <c>--policy</c> is given.</summary>
    public const string FileName = "policy.toml";

    /// <summary>Loads the policy for a run.</summary>
    /// <param name="path">The <c>--policy</c> argument: a file (relative to the current directory), or a preset name
    /// (<see cref="Presets.Names"/>) when no file of that name exists; null to use <c>policy.toml</c> in the task folder,
    /// or the <c>delegate</c> preset when the task has none (then <see cref="Policy.Source"/> is <c>default (delegate)</c>).</param>
    /// <param name="taskDirectory">The task folder.</param>
    public static PolicyLoadResult Load(string? path, string taskDirectory)
    {
        if (path is null)
        {
            var inTask = Path.Combine(taskDirectory, FileName);
            return File.Exists(inTask)
                ? FromFile(inTask, FileName)
                : PolicyLoadResult.Success(Policy.Default);
        }
        if (Presets.Names.Contains(path) && !File.Exists(path))
            return PolicyLoadResult.Success(Presets.Get(path));
        if (File.Exists(path))
            return FromFile(path, path);
        var hint = NearestName.Closest(Path.GetFileNameWithoutExtension(path), Presets.Names) is { } near
                   && NearestName.Distance(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), near) <= 2
            ? $" Did you mean the preset '{near}'?"
            : "";
        return PolicyLoadResult.Failure([new PolicyError(path, null, null,
            $"policy file not found (looked at {Path.GetFullPath(path)}).{hint} Give an existing file, or a preset name: {string.Join(", ", Presets.Names)}.")]);
    }

    /// <summary>Validates policy text (e.g. a <c>[policy]</c> table lifted from a task file); <paramref name="source"/> names it in errors.</summary>
    public static PolicyLoadResult Parse(string text, string source)
    {
        var parsed = PolicyParser.Parse(text, source);
        return parsed.Errors.Count > 0
            ? PolicyLoadResult.Failure(parsed.Errors)
            : PolicyLoadResult.Success(Policy.Create(source, parsed.Preset, parsed.Values));
    }

    private static PolicyLoadResult FromFile(string fullPath, string shown)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PolicyLoadResult.Failure([new PolicyError(shown, null, null, $"cannot read the policy file: {e.Message}. Check that it is a readable file.")]);
        }
        return Parse(text, shown);
    }
}
