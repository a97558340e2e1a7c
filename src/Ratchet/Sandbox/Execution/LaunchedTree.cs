using System.Diagnostics;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>A started launcher: its pid, its stdout and stderr pipes, and its exit.</summary>
internal abstract class LaunchedTree : IDisposable
{
    public abstract int Id { get; }

    /// <summary>Starts reading stdout and stderr, each up to <paramref name="cap"/> bytes; once only.</summary>
    /// <param name="onOverflow">Called when a stream passes the cap, so the caller can kill the tree at once.</param>
    public abstract OutputCapture Capture(long cap, Action onOverflow);

    /// <summary>Completes with the exit status as .NET reports it: the exit code, or 128+n after signal n.</summary>
    public abstract Task<int> Exited { get; }

    public abstract void Dispose();
}

/// <summary>A launcher started by <see cref="Process"/>: for commands that need a shell (the unsafe sandbox, the
/// setpriv fallback). stdin is a pipe that is closed at once.</summary>
internal sealed class ProcessTree : LaunchedTree
{
    private readonly Process _process;

    private ProcessTree(Process process)
    {
        _process = process;
        _process.StandardInput.Close();
        Exited = WaitAsync(process);
    }

    public override int Id => _process.Id;

    public override OutputCapture Capture(long cap, Action onOverflow) =>
        new StreamCapture(_process.StandardOutput.BaseStream, _process.StandardError.BaseStream, cap, onOverflow);

    public override Task<int> Exited { get; }

    /// <summary>Starts argv with exactly <paramref name="environment"/> (nothing of Ratchet's, API keys included).</summary>
    public static ProcessTree Start(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in argv.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Descriptors.MarkInheritedCloseOnExec();
        return new ProcessTree(Process.Start(info) ?? throw new InvalidOperationException($"cannot start {argv[0]}"));
    }

    public override void Dispose() => _process.Dispose();

    private static async Task<int> WaitAsync(Process process)
    {
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return process.ExitCode;
    }
}

/// <summary>A launcher started by <see cref="Spawn"/>; its exit is reaped here (the runtime reaps only the children
/// <see cref="Process"/> started), and its output is read by the reaper too where there is one.</summary>
internal sealed class SpawnedTree : LaunchedTree
{
    private int _stdoutFd;
    private int _stderrFd;
    private OutputCapture? _capture;

    /// <param name="stdoutFd">Read end of the stdout pipe; owned from here on.</param>
    /// <param name="stderrFd">Read end of the stderr pipe; owned from here on.</param>
    public SpawnedTree(int pid, int stdoutFd, int stderrFd)
    {
        Id = pid;
        _stdoutFd = stdoutFd;
        _stderrFd = stderrFd;
        Exited = Reaper.Shared?.Watch(pid)
            ?? Task.Factory.StartNew(() => Reaper.WaitExit(pid), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override int Id { get; }

    public override Task<int> Exited { get; }

    public override OutputCapture Capture(long cap, Action onOverflow)
    {
        var stdout = Interlocked.Exchange(ref _stdoutFd, -1);
        var stderr = Interlocked.Exchange(ref _stderrFd, -1);
        if (stdout < 0 || stderr < 0)
            throw new InvalidOperationException("this tree's output is already being read");
        _capture = Reaper.Shared is { } reaper
            ? reaper.Capture(stdout, stderr, cap, onOverflow)
            : new StreamCapture(Pipe(stdout), Pipe(stderr), cap, onOverflow);
        return _capture;
    }

    public override void Dispose()
    {
        _capture?.Dispose();
        foreach (var fd in (int[])[Interlocked.Exchange(ref _stdoutFd, -1), Interlocked.Exchange(ref _stderrFd, -1)])
        {
            if (fd >= 0)
                Libc.close(fd);
        }
    }

    private static AnonymousPipeClientStream Pipe(int fd) => new(PipeDirection.In, new SafePipeHandle(fd, ownsHandle: true));
}
