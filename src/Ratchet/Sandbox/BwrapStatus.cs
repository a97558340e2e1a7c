using System.Text.RegularExpressions;

namespace Ratchet.Sandbox;

/// <summary>Reads bwrap's <c>--json-status-fd</c> output: <c>{ "child-pid": N }</c> once set up, then
/// <c>{ "exit-code": N }</c> when the command it executed ended (128+n after signal n).</summary>
internal static partial class BwrapStatus
{
    /// <summary>The command's exit status, or null when bwrap never ran it to the end (setup failed, or killed).</summary>
    public static int? ExitCode(string? text)
    {
        var match = text is null ? null : ExitCodePattern().Match(text);
        return match is { Success: true } ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static int? Read(string path) => ExitCode(Cgroups.KeyedFile.TryReadAll(path));

    [GeneratedRegex("\"exit-code\"\\s*:\\s*(-?[0-9]+)")]
    private static partial Regex ExitCodePattern();
}
