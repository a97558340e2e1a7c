namespace Ratchet.Evaluation.Build;

/// <summary>Settings of <see cref="CSharpBuilder"/>; every default is stated on its property.</summary>
public sealed record CSharpBuildOptions
{
    /// <summary>Name of the assembly staged in the run's working folder (<c>[build] output</c>). Default <c>program.dll</c>.
    /// A plain file name ending in <c>.dll</c>; the runtime config is staged beside it as <c>&lt;name&gt;.runtimeconfig.json</c>.</summary>
    public string OutputName { get; init; } = "program.dll";

    /// <summary>Largest total size of the C# sources, in UTF-8 bytes. Default 1 MiB.</summary>
    public long MaxSourceBytes { get; init; } = 1 << 20;

    /// <summary>Most C# source files in one program. Default 64.</summary>
    public int MaxSourceFiles { get; init; } = 64;

    /// <summary>Deepest bracket nesting accepted (all of <c>( [ {</c>, counted in the raw text). Default 256.</summary>
    public int MaxNestingDepth { get; init; } = 256;

    /// <summary>Most operator characters in one flat expression (between <c>; , {</c> <c>}</c> at one nesting level).
    /// Default 2000.</summary>
    public int MaxOperatorRun { get; init; } = 2000;

    /// <summary>Wall-clock limit of one compilation; past it the build is cancelled and fails. Default 20 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Compiled programs kept by content hash (least recently used dropped first). Default 64; 0 disables the cache.</summary>
    public int CacheEntries { get; init; } = 64;

    /// <summary>Errors quoted in <see cref="BuildResult.Error"/>. Default 5.</summary>
    public int MaxQuotedErrors { get; init; } = 5;

    /// <summary>Allows <c>unsafe</c> code. Default true: the sandbox, not the language, is the security boundary,
    /// and performance tasks use pointers and <c>stackalloc</c>.</summary>
    public bool AllowUnsafe { get; init; } = true;

    /// <summary>Embeds a portable PDB so a crashing candidate's stack trace names file and line. Default true.</summary>
    public bool EmbedDebugInfo { get; init; } = true;

    /// <summary>Namespaces imported into every file as <c>global using</c> directives. Default: the SDK's console set
    /// (<see cref="DefaultImplicitUsings"/>).</summary>
    public IReadOnlyList<string> ImplicitUsings { get; init; } = DefaultImplicitUsings;

    /// <summary>The .NET root holding <c>packs/Microsoft.NETCore.App.Ref</c>. Default null: the root of the running runtime.</summary>
    public string? DotnetRoot { get; init; }

    /// <summary>The namespaces <c>dotnet new console</c> imports implicitly, so a program builds the same way in both.</summary>
    public static IReadOnlyList<string> DefaultImplicitUsings { get; } =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The assembly's name: <see cref="OutputName"/> without <c>.dll</c>.</summary>
    public string AssemblyName => OutputName[..^".dll".Length];

    /// <summary>File name of the runtime config staged next to the assembly.</summary>
    public string RuntimeConfigName => AssemblyName + ".runtimeconfig.json";

    /// <summary>Every problem with these settings, each naming the setting, what was found and what is expected.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsPlainDllName(OutputName))
            problems.Add($"OutputName: expected a plain file name ending in .dll (e.g. \"program.dll\"), found \"{OutputName}\"");
        if (MaxSourceBytes <= 0)
            problems.Add($"MaxSourceBytes: expected a positive byte count (e.g. 1048576), found {MaxSourceBytes}");
        if (MaxSourceFiles <= 0)
            problems.Add($"MaxSourceFiles: expected a positive count (e.g. 64), found {MaxSourceFiles}");
        if (MaxNestingDepth <= 0)
            problems.Add($"MaxNestingDepth: expected a positive depth (e.g. 256), found {MaxNestingDepth}");
        if (MaxOperatorRun <= 0)
            problems.Add($"MaxOperatorRun: expected a positive count (e.g. 2000), found {MaxOperatorRun}");
        if (Timeout <= TimeSpan.Zero)
            problems.Add($"Timeout: expected a positive duration (e.g. 20 s), found {Timeout}");
        if (CacheEntries < 0)
            problems.Add($"CacheEntries: expected 0 (no cache) or more (e.g. 64), found {CacheEntries}");
        if (MaxQuotedErrors <= 0)
            problems.Add($"MaxQuotedErrors: expected a positive count (e.g. 5), found {MaxQuotedErrors}");
        foreach (var ns in ImplicitUsings)
        {
            if (!IsNamespaceName(ns))
                problems.Add($"ImplicitUsings: expected dotted identifiers (e.g. \"System.Text\"), found \"{ns}\"");
        }
        return problems;
    }

    private static bool IsPlainDllName(string name) =>
        name.Length > ".dll".Length
        && name.EndsWith(".dll", StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\\', '\0']) < 0
        && name != "..dll"
        && !name.StartsWith('.')
        && name.Trim() == name;

    private static bool IsNamespaceName(string ns) =>
        ns.Length > 0 && ns.Split('.').All(part =>
            part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));
}
