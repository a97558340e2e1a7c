namespace Ratchet.Sandbox.Staging;

/// <summary>Deletes a folder tree even when a candidate left folders without write or search permission.</summary>
internal static class TreeDeletion
{
    public static void Delete(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            OpenUp(path);
            Directory.Delete(path, recursive: true);
        }
    }

    private static void OpenUp(string directory)
    {
        var status = Native.FileStatus.Lstat(directory);
        if (status?.Kind != Native.FileKind.Directory)
        {
            return;
        }

        Native.Libc.chmod(directory, 0x1c0);
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            OpenUp(child);
        }
    }
}
