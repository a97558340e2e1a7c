using System.Text;

namespace Ratchet.Oversight;

/// <summary>Python folds identifiers with NFKC, so <c>ｅｖａｌ</c> (full-width) is <c>eval</c>. .NET's normaliser is off under
/// invariant globalization, so the few thousand code points that fold to ASCII name characters come from a shipped table.</summary>
internal static class NfkcAscii
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(Load);

    /// <summary>The identifier with every code point that NFKC-folds to ASCII letters, digits or '_' replaced.</summary>
    public static string Fold(string identifier)
    {
        if (identifier.All(c => c < 0x80))
            return identifier;
        var folded = new StringBuilder(identifier.Length);
        foreach (var rune in identifier.EnumerateRunes())
        {
            if (Table.Value.TryGetValue(rune.Value, out var ascii))
                folded.Append(ascii);
            else
                folded.Append(rune.ToString());
        }
        return folded.ToString();
    }

    private static Dictionary<int, string> Load()
    {
        using var stream = typeof(NfkcAscii).Assembly.GetManifestResourceStream("Ratchet.Oversight.Rules.NfkcAscii.txt")
            ?? throw new InvalidOperationException("the NFKC table is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var eq = line.IndexOf('=');
            table[Convert.ToInt32(line[..eq], 16)] = line[(eq + 1)..];
        }
        return table;
    }
}
