namespace Ratchet.Oversight;

/// <summary>Finds shell reads of environment variables: a variable the file reads but never assigns, other than
/// <c>RATCHET_*</c>, special and positional parameters, and the variables the shell itself maintains.</summary>
internal sealed class ShellEnvironmentDetector : IRuleDetector
{
    private static readonly HashSet<string> ShellMaintained =
    [
        "RANDOM", "LINENO", "SECONDS", "BASH_SOURCE", "BASH_LINENO", "FUNCNAME", "PIPESTATUS", "IFS", "OPTARG", "OPTIND", "OPTERR",
        "BASH_REMATCH", "REPLY", "PWD", "OLDPWD", "EPOCHSECONDS", "EPOCHREALTIME", "BASHPID", "BASH_VERSION", "BASH_VERSINFO",
        "BASH_ARGC", "BASH_ARGV", "COLUMNS", "LINES", "GROUPS", "UID", "EUID", "MAPFILE", "COPROC",
    ];

    public IEnumerable<(Token At, string? Detail)> Find(SourceFile file, RuleContext context)
    {
        foreach (var use in file.ShellUses)
        {
            var name = use.Name;
            if (name.Length == 0 || char.IsAsciiDigit(name[0]) || "@*#?-$!_".Contains(name[0]) || ShellMaintained.Contains(name)
                || name.StartsWith("RATCHET_", StringComparison.Ordinal) || file.ShellAssigned.Contains(name))
                continue;
            yield return (new Token(TokenKind.Word, "$" + name, use.Line, use.Line), $"reads ${name}, which the script never sets (an environment variable)");
        }
    }
}

/// <summary>Finds shell commands whose name is not a constant: a command word that still holds a variable or a command
/// substitution after the file's own constant variables are substituted, and indirect expansions <c>${!name}</c>.</summary>
internal sealed class ComputedCommandDetector : IRuleDetector
{
    public IEnumerable<(Token At, string? Detail)> Find(SourceFile file, RuleContext context)
    {
        for (var k = 0; k < file.Tokens.Count; k++)
        {
            var token = file.Tokens[k];
            if (token.Kind == TokenKind.Word && token.Text.Contains('$') && ShellAliases.CommandPosition(file.Tokens, k) && !token.Text.Contains('='))
                yield return (token, $"runs the command '{token.Text}', whose name is computed");
        }
        foreach (var use in file.ShellUses.Where(u => u.Indirect))
            yield return (new Token(TokenKind.Word, "${!" + use.Name + "}", use.Line, use.Line), $"indirect expansion ${{!{use.Name}}}");
    }
}
