namespace Ratchet.Tasks;

/// <summary>One mistake in a task folder: where it is and what to do about it.</summary>
/// <param name="File">The file at fault, relative to the task folder (e.g. <c>ratchet.toml</c>), or the folder itself.</param>
/// <param name="Line">1-based line, or null when the mistake has no single place (e.g. a missing table).</param>
/// <param name="Column">1-based column, or null with <paramref name="Line"/>.</param>
/// <param name="Message">What failed, what was expected (with an example), what was found.</param>
public sealed record TaskError(string File, int? Line, int? Column, string Message)
{
    /// <summary><c>file:line:column: message</c>, or <c>file: message</c> without a position.</summary>
    public override string ToString() => Line is null
        ? $"{File}: {Message}"
        : Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
