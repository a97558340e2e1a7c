namespace Ratchet.Cli.Commands;

/// <summary>Who is answering: <c>--by NAME</c>, else the login name (SUDO_USER first, so sudo shows the real person).</summary>
internal static class Human
{
    public static string Name(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given.Trim()
        : Environment.GetEnvironmentVariable("SUDO_USER") is { Length: > 0 } sudo ? sudo
        : Environment.UserName;
}
