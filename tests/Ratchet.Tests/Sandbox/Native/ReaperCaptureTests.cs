using System.Text;
using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

/// <summary>The reaper reading children's output: whole and in order, cut at the cap, given up on, abandoned.</summary>
public sealed class ReaperCaptureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Capture_OutputOfManyPipeBuffers_ArrivesWholeAndInOrderOnBothStreams()
    {
        // About 1.3 MB: twenty times a pipe's buffer, so the reaper reads it over many wake-ups.
        var (tree, _) = SpawnTests.StartShell("seq 1 200000; echo done >&2");
        using (tree)
        {
            using var capture = tree.Capture(4 << 20, () => throw new InvalidOperationException("under the cap"));

            var stdout = await capture.Stdout.WaitAsync(Patience, TestContext.Current.CancellationToken);
            var stderr = await capture.Stderr.WaitAsync(Patience, TestContext.Current.CancellationToken);

            var expected = string.Concat(Enumerable.Range(1, 200000).Select(i => i + "\n"));
            Assert.Equal(expected, Encoding.ASCII.GetString(stdout.Bytes));
            Assert.False(stdout.Overflowed);
            Assert.Equal("done\n", Encoding.ASCII.GetString(stderr.Bytes));
            Assert.Equal(0, await tree.Exited);
        }
    }

    [Fact]
    public async Task Capture_WhenAStreamPassesTheCap_KeepsTheCapAndCallsTheActionOnce()
    {
        var (tree, pid) = SpawnTests.StartShell("exec yes flood");
        using (tree)
        {
            var calls = 0;
            var threads = new List<string?>();
            using var capture = tree.Capture(100_000, () =>
            {
                calls++;
                threads.Add(Thread.CurrentThread.Name);
                Libc.kill(pid, Libc.SIGKILL); // what the runner does: end the flood
            });

            var stdout = await capture.Stdout.WaitAsync(Patience, TestContext.Current.CancellationToken);
            await capture.Stderr.WaitAsync(Patience, TestContext.Current.CancellationToken);

            Assert.True(stdout.Overflowed);
            Assert.Equal(100_000, stdout.Bytes.Length);
            Assert.StartsWith("flood\nflood\n", Encoding.ASCII.GetString(stdout.Bytes));
            Assert.Equal(1, calls);
            Assert.Equal(["ratchet-reaper"], threads);
            Assert.Equal(128 + Libc.SIGKILL, await tree.Exited);
        }
    }

    [Fact]
    public async Task GiveUpAfter_WhenSomethingKeepsThePipeOpen_EndsWithWhatWasRead()
    {
        var (outRead, outWrite) = Libc.Pipe();
        var (errRead, errWrite) = Libc.Pipe();
        try
        {
            using var capture = Reaper.Shared!.Capture(outRead, errRead, 1024, () => { });
            Assert.True(Libc.WriteAll(outWrite, "partial"u8));
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.False(capture.Stdout.IsCompleted); // the write end is still open: no end-of-file yet

            capture.GiveUpAfter(TimeSpan.FromMilliseconds(50));
            var stdout = await capture.Stdout.WaitAsync(Patience, TestContext.Current.CancellationToken);
            var stderr = await capture.Stderr.WaitAsync(Patience, TestContext.Current.CancellationToken);

            Assert.Equal("partial", Encoding.ASCII.GetString(stdout.Bytes));
            Assert.False(stdout.Overflowed);
            Assert.Empty(stderr.Bytes);
        }
        finally
        {
            Libc.close(outWrite);
            Libc.close(errWrite);
        }
    }

    [Fact]
    public async Task Dispose_WhileReadsAreOpen_EndsThemAndClosesTheReadEnds()
    {
        var (outRead, outWrite) = Libc.Pipe();
        var (errRead, errWrite) = Libc.Pipe();
        try
        {
            var capture = Reaper.Shared!.Capture(outRead, errRead, 1024, () => { });
            capture.Dispose();
            await Task.WhenAll(capture.Stdout, capture.Stderr).WaitAsync(Patience, TestContext.Current.CancellationToken);

            // With its read end closed, a pipe refuses writes (EPIPE; the runtime ignores SIGPIPE).
            Assert.False(Libc.WriteAll(outWrite, "late"u8));
            Assert.False(Libc.WriteAll(errWrite, "late"u8));
        }
        finally
        {
            Libc.close(outWrite);
            Libc.close(errWrite);
        }
    }
}
