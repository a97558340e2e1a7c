using System.Text;

namespace Ratchet.Evaluation.Build;

/// <summary>The <c>&lt;name&gt;.runtimeconfig.json</c> that lets <c>dotnet &lt;name&gt;.dll</c> start a built program on
/// the shared framework Ratchet itself runs on.</summary>
public static class RuntimeConfigFile
{
    /// <summary>The file's text for framework version <paramref name="frameworkVersion"/>.</summary>
    /// <remarks>Workstation, non-concurrent GC: a sandboxed batch program gains nothing from server GC's per-core heaps or
    /// the background GC thread, and both cost start time, threads and memory under the sandbox's pids and memory caps.
    /// Invariant globalization: no ICU load at start, and the same number formatting on every machine.</remarks>
    public static string Create(string frameworkVersion)
    {
        var numeric = frameworkVersion.Split('.', '-');
        var tfm = numeric.Length >= 2 ? $"net{numeric[0]}.{numeric[1]}" : "net10.0";
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"runtimeOptions\": {\n");
        text.Append($"    \"tfm\": \"{tfm}\",\n");
        text.Append("    \"framework\": {\n");
        text.Append("      \"name\": \"Microsoft.NETCore.App\",\n");
        text.Append($"      \"version\": \"{frameworkVersion}\"\n");
        text.Append("    },\n");
        text.Append("    \"configProperties\": {\n");
        text.Append("      \"System.GC.Server\": false,\n");
        text.Append("      \"System.GC.Concurrent\": false,\n");
        text.Append("      \"System.Globalization.Invariant\": true\n");
        text.Append("    }\n");
        text.Append("  }\n");
        text.Append("}\n");
        return text.ToString();
    }
}
