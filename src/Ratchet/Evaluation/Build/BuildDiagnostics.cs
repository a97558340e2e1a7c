using System.Text;
using Microsoft.CodeAnalysis;

namespace Ratchet.Evaluation.Build;

/// <summary>Quotes a failed compilation's first errors as <c>file:line:column: error CSxxxx: message</c> lines.</summary>
internal static class BuildDiagnostics
{
    private const int MaxMessageChars = 300;

    public static string Quote(IReadOnlyList<Diagnostic> errors, int maxQuoted)
    {
        var text = new StringBuilder();
        text.Append("C# build failed with ").Append(errors.Count).Append(errors.Count == 1 ? " error:" : " errors:");
        foreach (var error in errors.Take(maxQuoted))
            text.Append("\n  ").Append(Format(error));
        if (errors.Count > maxQuoted)
            text.Append("\n  (").Append(errors.Count - maxQuoted).Append(" more not shown)");
        return text.ToString();
    }

    /// <summary>Errors in source order (file, line, column), location-less ones last; stable for identical programs.</summary>
    public static IReadOnlyList<Diagnostic> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
            .OrderBy(d => d.Span.IsValid ? 0 : 1)
            .ThenBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartLinePosition.Line)
            .ThenBy(d => d.Span.StartLinePosition.Character)
            .ThenBy(d => d.Diagnostic.Id, StringComparer.Ordinal)
            .Select(d => d.Diagnostic)
            .ToArray();

    private static string Format(Diagnostic error)
    {
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (message.Length > MaxMessageChars)
            message = message[..MaxMessageChars] + "...";
        var span = error.Location.GetLineSpan();
        var where = span.IsValid && !string.IsNullOrEmpty(span.Path)
            ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: "
            : "";
        return $"{where}error {error.Id}: {message}";
    }
}
