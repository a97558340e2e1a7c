using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Ratchet.Common;

namespace Ratchet.Cli;

/// <summary>Command-line mistakes (an unknown verb or option, a missing argument, a value of the wrong type) reported
/// like every other usage error: one <c>error:</c> line each, naming the fix where there is a likely one, the
/// command's usage, and exit code 2.</summary>
internal static partial class ParseErrors
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var errors = parse.Errors.ToList();
        // "Required command was not provided" says nothing more when a token was not recognised.
        if (errors.Any(e => UnknownToken(e) is not null))
        {
            errors.RemoveAll(e => e.Message.StartsWith("Required command", StringComparison.Ordinal));
        }

        // After an unknown verb the rest of the line is that verb's, not more mistakes.
        if (command.Subcommands.Count > 0 && errors.FindIndex(e => UnknownToken(e) is { } token && !token.StartsWith('-')) is var first and >= 0)
        {
            errors = [.. errors.Take(first + 1), .. errors.Skip(first + 1).Where(e => UnknownToken(e) is null)];
        }

        string? previousUnknown = null;
        foreach (var error in errors)
        {
            var unknown = UnknownToken(error);
            // `--worker 2`: the 2 is the unknown option's value, not a second mistake.
            if (!(unknown is not null && !unknown.StartsWith('-') && previousUnknown?.StartsWith('-') == true))
            {
                Console.Error.WriteLine("error: " + Describe(error, command));
            }

            previousUnknown = unknown;
        }

        var path = string.Join(' ', Chain(parse.CommandResult).Select(c => c.Name).Prepend("ratchet"));
        Console.Error.WriteLine($"usage: {path}{string.Concat(command.Arguments.Select(a => $" <{a.Name}>"))}" +
            $"{(command.Subcommands.Count > 0 ? " <command>" : "")} [options]; `{path} --help` lists them.");
        return ExitCodes.UsageError;
    }

    private static string Describe(ParseError error, Command command)
    {
        if (UnknownToken(error) is { } token)
        {
            var names = token.StartsWith('-')
                ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var what = token.StartsWith('-') ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            return $"unknown {what} '{token}'" + (NearestName.Find(token, names) is { } near ? $"; did you mean '{near}'?" : ".");
        }

        if (WrongType().Match(error.Message) is { Success: true } wrong)
        {
            var expected = Expected(wrong.Groups[2].Value);
            return error.SymbolResult switch
            {
                OptionResult option => $"{option.Option.Name} expects {expected}, not '{wrong.Groups[1].Value}'.",
                ArgumentResult argument => $"<{argument.Argument.Name}> expects {expected}, not '{wrong.Groups[1].Value}'.",
                _ => $"'{wrong.Groups[1].Value}' is not {expected}.",
            };
        }

        if (error.Message.StartsWith("Required command", StringComparison.Ordinal))
        {
            return $"this needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.";
        }

        return error.Message;
    }

    /// <summary>The token the parser did not recognise, or null for other errors.</summary>
    private static string? UnknownToken(ParseError error) =>
        Unrecognized().Match(error.Message) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>.NET type names said in words.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.Contains("UInt", StringComparison.Ordinal) => "a whole number, 0 or more",
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a value of another form",
    };

    private static List<Command> Chain(CommandResult result)
    {
        var chain = new List<Command>();
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is CommandResult c && c.Command is not RootCommand)
            {
                chain.Add(c.Command);
            }
        }

        chain.Reverse();
        return chain;
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|command) '.*?' as expected type '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex WrongType();
}
