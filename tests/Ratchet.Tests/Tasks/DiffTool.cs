using System.Diagnostics;

namespace Ratchet.Tests.Tasks;

/// <summary>Makes unified diffs with the system's <c>diff -u</c>, so the applier is tested against a real producer.</summary>
internal static class DiffTool
{
    public static string Unified(string path, string before, string after, int context = 3)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ratchet-diff-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "old"), before);
            File.WriteAllText(Path.Combine(folder, "new"), after);
            var start = new ProcessStartInfo("diff")
            {
                ArgumentList = { $"-U{context}", "--label", $"a/{path}", "--label", $"b/{path}", "old", "new" },
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode > 1)
                throw new InvalidOperationException($"diff failed with exit code {process.ExitCode}");
            return output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
