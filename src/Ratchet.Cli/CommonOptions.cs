using System.CommandLine;

namespace Ratchet.Cli;

/// <summary>Options and arguments shared by several verbs (each verb gets its own instance).</summary>
internal static class CommonOptions
{
    public static Argument<string> Task() => new("task")
    {
        Description = "The task folder (the one holding ratchet.toml).",
    };

    public static Option<string?> State() => new("--state")
    {
        Description = "State folder of the run (default: <task>/.ratchet).",
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print machine-readable JSON instead of text.",
    };
}
