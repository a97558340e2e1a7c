namespace Ratchet.Cli;

/// <summary>Writes to a path the user named, turning the file system's refusal into an error that names the path,
/// the option and the fix, instead of a stack trace.</summary>
internal static class UserPath
{
    public static void Writing(string path, string option, Action write) => Writing(path, option, () =>
    {
        write();
        return 0;
    });

    public static T Writing<T>(string path, string option, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {path} ({option}): {e.Message.TrimEnd('.')}. Choose a path in an existing folder you may write to.", ExitCodes.Environment);
        }
    }
}
