using System.Text;
using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.Evaluation.Build;

/// <summary>Builds a C# candidate (<c>[build] kind = "csharp"</c>) with Roslyn in-process, against framework references
/// loaded once per process, into <c>program.dll</c> plus <c>program.runtimeconfig.json</c> for <c>dotnet program.dll</c>.
/// Same sources, same bytes; finished builds are cached by program id.</summary>
public sealed partial class CSharpBuilder : IProgramBuilder
{
    private readonly BuildCache _cache;
    private readonly TimeProvider _time;
    private long _compiles;
    private long _cacheHits;

    public CSharpBuilder(CSharpBuildOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new CSharpBuildOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid C# build options:\n  " + string.Join("\n  ", problems), nameof(options));
        _time = time ?? TimeProvider.System;
        _cache = new BuildCache(Options.CacheEntries);
        RuntimeConfig = Encoding.UTF8.GetBytes(RuntimeConfigFile.Create(RuntimeVersion.Text));
    }

    public CSharpBuildOptions Options { get; }

    /// <summary>Compilations completed (timed-out ones not counted), cache hits, and programs in the cache.</summary>
    public CSharpBuildStatistics Statistics => new(Interlocked.Read(ref _compiles), Interlocked.Read(ref _cacheHits), _cache.Count);

    /// <summary>Variables the run sandbox should set for <c>dotnet program.dll</c>. Without
    /// <c>DOTNET_EnableDiagnostics=0</c> the runtime opens a diagnostics IPC socket in <c>$TMPDIR</c> at start (it cannot
    /// be turned off from the runtimeconfig); <c>DOTNET_gcServer=0</c> guards against a host-level override.</summary>
    public static IReadOnlyDictionary<string, string> RunEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_EnableDiagnostics"] = "0",
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private byte[] RuntimeConfig { get; }

    public async Task<BuildResult> BuildAsync(ProgramSnapshot program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        var started = _time.GetTimestamp();
        if (_cache.TryGet(program.Id, out var cached))
        {
            Interlocked.Increment(ref _cacheHits);
            return cached with { Duration = _time.GetElapsedTime(started) };
        }

        var sources = program.Files.Where(f => IsCSharpSource(f.Key)).ToArray();
        var refusal = CheckSources(program, sources);
        if (refusal is not null)
            return Remember(program.Id, Failed(refusal, started));

        await WarmUpAsync(cancellationToken).ConfigureAwait(false);
        var (output, transient) = await CompileWithTimeoutAsync(sources, cancellationToken).ConfigureAwait(false);
        if (transient is not null)
            return Failed(transient, started);
        Interlocked.Increment(ref _compiles);
        var result = output.Assembly is { } assembly
            ? new BuildResult(
                [
                    new StagedFile(Options.OutputName, Content: assembly),
                    new StagedFile(Options.RuntimeConfigName, Content: RuntimeConfig),
                ],
                null,
                _time.GetElapsedTime(started))
            : Failed(output.Error ?? BuildDiagnostics.Quote(output.Errors, Options.MaxQuotedErrors), started);
        return Remember(program.Id, result);
    }

    private static bool IsCSharpSource(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    private string? CheckSources(ProgramSnapshot program, IReadOnlyList<KeyValuePair<string, string>> sources)
    {
        if (sources.Count == 0)
        {
            return "C# build found no source: none of the program files ends in .cs " +
                $"(found {string.Join(", ", program.Files.Keys)}); list the sources in [program] files, e.g. files = [\"Program.cs\"]";
        }
        if (sources.Count > Options.MaxSourceFiles)
            return $"C# build refused: {sources.Count} source files, at most {Options.MaxSourceFiles} allowed; merge files";
        var bytes = sources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Value));
        if (bytes > Options.MaxSourceBytes)
            return $"C# build refused: the sources are {bytes} bytes, at most {Options.MaxSourceBytes} allowed; shrink the program";
        foreach (var (path, text) in sources)
        {
            if (SourceShape.Check(path, text, Options.MaxNestingDepth, Options.MaxOperatorRun) is { } shape)
                return "C# build refused: " + shape;
        }
        return null;
    }

    private BuildResult Failed(string error, long started) => new([], error, _time.GetElapsedTime(started));

    private BuildResult Remember(string id, BuildResult result)
    {
        _cache.Add(id, result);
        return result;
    }
}

/// <summary>Counters of a <see cref="CSharpBuilder"/>: compilations run, builds served from the cache, and cache size.</summary>
public sealed record CSharpBuildStatistics(long Compilations, long CacheHits, int CachedPrograms);
