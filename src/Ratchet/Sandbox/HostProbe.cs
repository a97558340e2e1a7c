using System.Diagnostics;

namespace Ratchet.Sandbox;

/// <summary>Finds executables and facts about the host the sandbox depends on.</summary>
internal static class HostProbe
{
    /// <summary>An absolute path as given, else the first match on PATH, else the usual system folders.</summary>
    public static string? FindExecutable(string name, string? pathVariable)
    {
        if (Path.IsPathRooted(name))
        {
            return IsExecutable(name) ? name : null;
        }

        var folders = (pathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(IsExecutable);
    }

    /// <summary>The .NET install a C# candidate needs, when it is outside /usr (which is bound anyway).</summary>
    public static string? DotnetRootOutsideUsr(string? dotnetRootVariable, string? pathVariable)
    {
        var root = dotnetRootVariable;
        if (string.IsNullOrEmpty(root) && FindExecutable("dotnet", pathVariable) is { } dotnet)
        {
            var target = File.ResolveLinkTarget(dotnet, returnFinalTarget: true)?.FullName ?? dotnet;
            root = Path.GetDirectoryName(target);
        }

        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            return null;
        }

        root = Path.GetFullPath(root).TrimEnd('/');
        return root == "/usr" || root.StartsWith("/usr/", StringComparison.Ordinal) ? null : root;
    }

    /// <summary>"0.8.0" from <c>bwrap --version</c> ("bubblewrap 0.8.0"), or "unknown".</summary>
    public static string BwrapVersion(string bwrap)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(bwrap, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Trim().Split(' ').LastOrDefault() is { Length: > 0 } version ? version : "unknown";
        }
        catch (Exception exception) when (exception is IOException or System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    /// <summary>True when every folder from / down to <paramref name="path"/> lets others search it (o+x).</summary>
    public static bool TraversableByOthers(string path)
    {
        for (var folder = Path.GetFullPath(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Native.FileStatus.Stat(folder) is not { Kind: Native.FileKind.Directory } status || (status.Mode & 0x1) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsExecutable(string path) =>
        Native.FileStatus.Stat(path) is { Kind: Native.FileKind.Regular } status && (status.Mode & 0x49) != 0;
}
