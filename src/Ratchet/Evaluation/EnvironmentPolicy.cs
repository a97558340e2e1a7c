namespace Ratchet.Evaluation;

/// <summary>Which host variables a task's allow-list may pass into a sandbox: never anything that looks like a
/// credential, and never Ratchet's own variables (those are set by Ratchet).</summary>
public static class EnvironmentPolicy
{
    private static readonly string[] SecretWords = ["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH", "COOKIE", "SESSION"];

    public static bool MayPass(string name) =>
        !name.StartsWith("RATCHET_", StringComparison.Ordinal) && !LooksSecret(name);

    public static bool LooksSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretWords.Any(word => upper.Contains(word, StringComparison.Ordinal));
    }
}
