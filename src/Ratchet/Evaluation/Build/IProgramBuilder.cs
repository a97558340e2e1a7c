using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.Evaluation.Build;

/// <summary>Turns a candidate's program files into what its run command executes (e.g. C# source into an
/// assembly), outside the sandbox and without running any candidate code. Null means "nothing to build".</summary>
public interface IProgramBuilder
{
    /// <summary>Builds <paramref name="program"/>; never throws for a bad program (that is a failed <see cref="BuildResult"/>).</summary>
    Task<BuildResult> BuildAsync(ProgramSnapshot program, CancellationToken cancellationToken);
}

/// <summary>The outcome of a build: files to stage next to the program in the run sandbox, or the compiler's complaint.</summary>
/// <param name="Artifacts">Files to stage in the run's working folder (e.g. program.dll, program.runtimeconfig.json).</param>
/// <param name="Error">Null on success; else the first diagnostics, quoted, for the candidate's reasons.</param>
/// <param name="Duration">Time the build took (reported, and part of Ratchet's overhead per evaluation).</param>
public sealed record BuildResult(IReadOnlyList<StagedFile> Artifacts, string? Error, TimeSpan Duration)
{
    public bool Succeeded => Error is null;
}
