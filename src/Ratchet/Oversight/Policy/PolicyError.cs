namespace Ratchet.Oversight;

/// <summary>One mistake in a policy: where it is and what to do about it.</summary>
/// <param name="File">The policy file as the user named it (e.g. <c>policy.toml</c>), or a preset's name.</param>
/// <param name="Line">1-based line, or null when the mistake has no single place (e.g. a missing file).</param>
/// <param name="Column">1-based column, or null with <paramref name="Line"/>.</param>
/// <param name="Message">What failed, what was expected (with an example), what was found, what to do.</param>
public sealed record PolicyError(string File, int? Line, int? Column, string Message)
{
    /// <summary><c>file:line:column: message</c>, or <c>file: message</c> without a position.</summary>
    public override string ToString() => Line is null
        ? $"{File}: {Message}"
        : Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
