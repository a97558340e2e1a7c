namespace Ratchet.Sandbox.Execution;

/// <summary>The verdict on a results folder: the files when accepted, or why it was refused.</summary>
/// <param name="Refusal">e.g. "results: out/x is a symbolic link"; null when accepted.</param>
/// <param name="Full">The size-capped results tmpfs has no free block left (writes past it failed with ENOSPC).</param>
internal sealed record ResultsCheck(SandboxResults? Results, string? Refusal, bool Full);
