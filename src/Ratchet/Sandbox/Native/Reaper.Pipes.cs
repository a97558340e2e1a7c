using System.Diagnostics;
using Ratchet.Sandbox.Execution;

namespace Ratchet.Sandbox.Native;

/// <summary>The reaper reads its children's output too: the pipes join the same poll set as the pidfds, so a tree's
/// exit and its output's end-of-file, which come together, are seen in one wake-up. Before this, each pipe was a
/// stream on the runtime's socket engine: every read woke its epoll thread and then a thread-pool thread, several times
/// per launch (bench/RESULTS.md, "Core").</summary>
internal sealed unsafe partial class Reaper
{
    private const int F_SETFL = 4;
    private const int O_NONBLOCK = 0x800;
    private const int EAGAIN = 11;

    /// <summary>How many chunks one pipe may give per wake-up before the others get their turn.</summary>
    private const int ChunksPerTurn = 4;

    private readonly List<PipeRead> _reads = [];

    /// <summary>The loop's read buffer; only the reaper thread touches it.</summary>
    private readonly byte[] _chunk = new byte[64 * 1024];

    /// <summary>Reads <paramref name="stdoutFd"/> and <paramref name="stderrFd"/> (read ends of pipes, owned from here on
    /// and closed when their reading ends) on the reaper thread, each up to <paramref name="cap"/> bytes.
    /// <paramref name="onOverflow"/> runs on the reaper thread, so it must be quick (a kill).</summary>
    public OutputCapture Capture(int stdoutFd, int stderrFd, long cap, Action onOverflow)
    {
        // Non-blocking, so a pipe is read until it is empty and the thread never waits on one.
        if (Libc.fcntl(stdoutFd, F_SETFL, O_NONBLOCK) < 0 || Libc.fcntl(stderrFd, F_SETFL, O_NONBLOCK) < 0)
        {
            var error = Libc.LastError();
            Libc.close(stdoutFd);
            Libc.close(stderrFd);
            throw new InvalidOperationException($"cannot make the output pipes non-blocking: {error}");
        }

        var capture = new PipeCapture(this, new PipeRead(stdoutFd, cap, onOverflow), new PipeRead(stderrFd, cap, onOverflow));
        lock (_lock)
        {
            _reads.Add(capture.Out);
            _reads.Add(capture.Err);
        }

        Wake();
        return capture;
    }

    /// <summary>Reads what the ready pipes hold, then ends the reads given up on.</summary>
    private void ServeReads(List<PipeRead> reads, PollFd[] fds, int first)
    {
        for (var i = 0; i < reads.Count; i++)
        {
            if (fds[first + i].Revents != 0)
                Drain(reads[i]);
        }

        EndGivenUp(reads);
    }

    /// <summary>Ends the reads abandoned or past their deadline, and drops every ended read from
    /// <paramref name="reads"/>. Runs before each poll as well as after it: a read abandoned while the loop was
    /// between taking its list and polling would otherwise wait for a wake-up that already happened.</summary>
    private void EndGivenUp(List<PipeRead> reads)
    {
        var now = Stopwatch.GetTimestamp();
        for (var i = reads.Count - 1; i >= 0; i--)
        {
            var read = reads[i];
            if (!read.Done.Task.IsCompleted && (read.Abandoned || read.Deadline <= now))
                Finish(read, overflowed: false);
            if (read.Done.Task.IsCompleted)
                reads.RemoveAt(i);
        }
    }

    private void Drain(PipeRead read)
    {
        fixed (byte* buffer = _chunk)
        {
            for (var turn = 0; turn < ChunksPerTurn; turn++)
            {
                var count = Libc.read(read.Fd, buffer, _chunk.Length);
                if (count > 0)
                {
                    if (!read.Buffer.Take(_chunk.AsSpan(0, (int)count)))
                        continue;
                    try
                    {
                        read.OnOverflow();
                    }
                    catch (Exception error)
                    {
                        // Catch-all on purpose: this thread must not die. The runner gets the failure from the output.
                        Finish(read, overflowed: true, error);
                        return;
                    }

                    Finish(read, overflowed: true);
                    return;
                }

                var errno = count < 0 ? Libc.LastErrno() : 0;
                if (errno == Libc.EINTR)
                    continue;
                if (errno != EAGAIN)
                    Finish(read, overflowed: false); // end-of-file, or the pipe failed: keep what was read
                return;
            }
        }
    }

    private void Finish(PipeRead read, bool overflowed, Exception? error = null)
    {
        lock (_lock)
            _reads.Remove(read);
        Libc.close(read.Fd);
        if (error is null)
            read.Done.TrySetResult(read.Buffer.Result(overflowed));
        else
            read.Done.TrySetException(error);
    }

    /// <summary>Milliseconds until <paramref name="due"/> (Stopwatch ticks), rounded up; -1 for never.</summary>
    private static int MillisecondsUntil(long due)
    {
        if (due == long.MaxValue)
            return -1;
        var ticks = due - Stopwatch.GetTimestamp();
        return ticks <= 0 ? 0 : (int)Math.Min(int.MaxValue, (ticks * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency);
    }

    /// <summary>One pipe being read. <see cref="Buffer"/> is touched by the reaper thread only.</summary>
    private sealed class PipeRead(int fd, long cap, Action onOverflow)
    {
        public int Fd { get; } = fd;

        public CaptureBuffer Buffer { get; } = new(cap);

        public Action OnOverflow { get; } = onOverflow;

        public TaskCompletionSource<CapturedOutput> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>When to stop waiting for end-of-file (Stopwatch ticks); set under the reaper's lock.</summary>
        public long Deadline { get; set; } = long.MaxValue;

        public volatile bool Abandoned;
    }

    private sealed class PipeCapture(Reaper reaper, PipeRead stdout, PipeRead stderr) : OutputCapture
    {
        public PipeRead Out => stdout;

        public PipeRead Err => stderr;

        public override Task<CapturedOutput> Stdout => stdout.Done.Task;

        public override Task<CapturedOutput> Stderr => stderr.Done.Task;

        public override void GiveUpAfter(TimeSpan delay)
        {
            // Usually both pipes ended with the tree: nothing to wake the reaper for.
            if (stdout.Done.Task.IsCompleted && stderr.Done.Task.IsCompleted)
                return;
            var deadline = Stopwatch.GetTimestamp() + Ticks(delay);
            bool wake;
            lock (reaper._lock)
            {
                stdout.Deadline = stderr.Deadline = deadline;
                wake = deadline < reaper._sleepsUntil;
            }

            if (wake)
                reaper.Wake();
        }

        public override void Dispose()
        {
            if (stdout.Done.Task.IsCompleted && stderr.Done.Task.IsCompleted)
                return;
            stdout.Abandoned = stderr.Abandoned = true;
            reaper.Wake();
        }
    }
}
