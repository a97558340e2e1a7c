namespace Ratchet.Ledger;

/// <summary>The last known (seq, hash) of a store's ledger, kept outside the database (in <see cref="RatchetHome"/>)
/// so that cutting the tail off the database is detected. Only ever moves forward.</summary>
public sealed class HeadFile(RatchetHome home, string storeId)
{
    public string Path { get; } = System.IO.Path.Combine(home.HeadsDirectory, storeId + ".head");

    /// <summary>The recorded head, or null when none was ever written.</summary>
    public (long Seq, string Hash)? Read()
    {
        if (!File.Exists(Path))
            return null;
        return Parse(File.ReadAllText(Path));
    }

    /// <summary>Records <paramref name="seq"/>/<paramref name="hash"/> unless a later head is already recorded
    /// (another process may have committed after us).</summary>
    public void Advance(long seq, string hash)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var guard = Lock();
        var current = File.Exists(Path) ? Parse(File.ReadAllText(Path)) : null;
        if (current is { } c && c.Seq >= seq)
            return;
        var temp = Path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, $"{seq} {hash}\n");
        File.Move(temp, Path, overwrite: true);
    }

    private FileStream Lock()
    {
        var lockPath = Path + ".lock";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 2000)
            {
                Thread.Sleep(1);
            }
        }
    }

    private static (long Seq, string Hash)? Parse(string text)
    {
        var parts = text.Trim().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], out var seq) ? (seq, parts[1]) : null;
    }
}
