using System.Text;

namespace Ratchet.Sandbox.Native;

/// <summary>One line of <c>/proc/self/mountinfo</c>.</summary>
internal sealed record MountEntry(string Root, string MountPoint, string FsType, string Source, string SuperOptions);

/// <summary>Reads <c>/proc/self/mountinfo</c> (proc(5)), decoding the octal escapes of paths.</summary>
internal static class MountInfo
{
    public static IReadOnlyList<MountEntry> ReadSelf() => Parse(File.ReadAllText("/proc/self/mountinfo"));

    public static IReadOnlyList<MountEntry> Parse(string text)
    {
        var entries = new List<MountEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-", 6);
            if (fields.Length < 7 || separator < 0 || separator + 3 > fields.Length)
            {
                continue;
            }

            entries.Add(new MountEntry(
                Decode(fields[3]),
                Decode(fields[4]),
                fields[separator + 1],
                Decode(fields[separator + 2]),
                separator + 3 < fields.Length ? fields[separator + 3] : ""));
        }

        return entries;
    }

    /// <summary>Undoes the kernel's \ooo escaping of space, tab, newline and backslash.</summary>
    internal static string Decode(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1) && IsOctal(field, i + 2) && IsOctal(field, i + 3))
            {
                builder.Append((char)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsOctal(string text, int index) => index < text.Length && text[index] is >= '0' and <= '7';
}
