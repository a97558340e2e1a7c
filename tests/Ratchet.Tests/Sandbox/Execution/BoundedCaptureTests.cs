using Ratchet.Sandbox.Execution;

namespace Ratchet.Tests.Sandbox.Execution;

public sealed class BoundedCaptureTests
{
    [Fact]
    public async Task ReadAsync_WhenTheStreamFitsTheCap_KeepsEverything()
    {
        var overflowed = false;
        var result = await BoundedCapture.ReadAsync(new MemoryStream(new byte[100]), 100, () => overflowed = true, TestContext.Current.CancellationToken);

        Assert.Equal(100, result.Bytes.Length);
        Assert.False(result.Overflowed);
        Assert.False(overflowed);
    }

    [Fact]
    public async Task ReadAsync_WhenTheStreamPassesTheCap_KeepsTheCapAndSignalsOnce()
    {
        var signals = 0;
        var result = await BoundedCapture.ReadAsync(new EndlessStream(), 200_000, () => signals++, TestContext.Current.CancellationToken);

        Assert.Equal(200_000, result.Bytes.Length);
        Assert.True(result.Overflowed);
        Assert.Equal(1, signals);
    }

    /// <summary>A stream that never ends, like a flood from a candidate.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => count;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
