using System.Runtime.InteropServices;

namespace Ratchet.Evaluation.Build;

/// <summary>The version of the running Microsoft.NETCore.App, as the host names it (e.g. <c>10.0.12</c> or
/// <c>10.0.0-rc.1.25451.107</c>); a built program asks for exactly this framework.</summary>
public static class RuntimeVersion
{
    /// <summary>The full version text, prerelease label included.</summary>
    public static string Text { get; } = Read();

    /// <summary>The numeric part (major.minor.patch).</summary>
    public static Version Numeric { get; } = new(Environment.Version.Major, Environment.Version.Minor, Math.Max(0, Environment.Version.Build));

    private static string Read()
    {
        // FrameworkDescription is ".NET 10.0.12" (or ".NET 10.0.0-rc.1..."); Environment.Version drops the prerelease
        // label, and a runtimeconfig asking for "10.0.0" would not roll forward onto a 10.0.0 prerelease.
        var description = RuntimeInformation.FrameworkDescription;
        var last = description[(description.LastIndexOf(' ') + 1)..];
        var plus = last.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
            last = last[..plus];
        return last.Length > 0 && char.IsDigit(last[0])
            ? last
            : $"{Environment.Version.Major}.{Environment.Version.Minor}.{Math.Max(0, Environment.Version.Build)}";
    }
}
