namespace Ratchet.Ledger;

/// <summary>The per-user folder outside every task that holds the ledger key and the ledger heads.
/// <c>$RATCHET_HOME</c> when set, else <c>$XDG_CONFIG_HOME/ratchet</c>, else <c>~/.config/ratchet</c>.</summary>
public sealed record RatchetHome(string Directory)
{
    public string KeyPath => Path.Combine(Directory, "ledger.key");

    public string HeadsDirectory => Path.Combine(Directory, "heads");

    public static RatchetHome Default()
    {
        var explicitHome = Environment.GetEnvironmentVariable("RATCHET_HOME");
        if (!string.IsNullOrWhiteSpace(explicitHome))
            return new RatchetHome(Path.GetFullPath(explicitHome));
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return new RatchetHome(Path.Combine(config, "ratchet"));
    }

    /// <summary>True when <paramref name="folder"/> contains this home (the key would sit inside the task).</summary>
    public bool IsInside(string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd('/') + "/";
        return (Path.GetFullPath(Directory).TrimEnd('/') + "/").StartsWith(root, StringComparison.Ordinal);
    }
}
