using System.Security.Cryptography;

namespace Ratchet.Ledger;

/// <summary>The secret that keys the ledger's HMAC chain. Lives in <see cref="RatchetHome"/>, mode 0600,
/// so write access to a task's <c>.ratchet/</c> is not enough to rewrite its history.</summary>
public sealed class LedgerKey
{
    private LedgerKey(byte[] bytes, string path, bool created)
    {
        Bytes = bytes;
        Path = path;
        Created = created;
    }

    public byte[] Bytes { get; }

    /// <summary>Where the key is kept (shown to the user on first use).</summary>
    public string Path { get; }

    /// <summary>True when this call created the key.</summary>
    public bool Created { get; }

    /// <summary>Short public fingerprint of the key (first 8 bytes of its SHA-256), safe to record.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Bytes)[..8]);

    public static LedgerKey LoadOrCreate(RatchetHome home)
    {
        var path = home.KeyPath;
        if (File.Exists(path))
            return new LedgerKey(Read(path), path, created: false);
        Directory.CreateDirectory(home.Directory);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(home.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var bytes = RandomNumberGenerator.GetBytes(32);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToHexStringLower(bytes) + "\n");
        try
        {
            // Two processes may race to create the key: the first rename wins, the loser reads it.
            File.Move(temp, path, overwrite: false);
            return new LedgerKey(bytes, path, created: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return new LedgerKey(Read(path), path, created: false);
        }
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            var bytes = Convert.FromHexString(text);
            if (bytes.Length >= 32)
                return bytes;
        }
        catch (FormatException)
        {
        }
        throw new LedgerException(
            $"the ledger key at {path} is not 64 hex characters. It was edited or damaged; restore it from a backup " +
            "(without it no existing ledger can be verified), or move it away to start new ledgers with a new key.");
    }
}
