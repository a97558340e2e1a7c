using Ratchet.Sandbox.Execution;

namespace Ratchet.Tests.Sandbox.Execution;

public sealed class JanitorTests
{
    [Fact]
    public void WaitIdle_WhenCleanupsAreQueued_ReturnsAfterAllRanEvenIfOneFailed()
    {
        var ran = 0;
        Janitor.Shared.Enqueue(() => throw new IOException("busy"));
        for (var i = 0; i < 5; i++)
        {
            Janitor.Shared.Enqueue(() => Interlocked.Increment(ref ran));
        }

        Assert.True(Janitor.Shared.WaitIdle(TimeSpan.FromSeconds(10)));
        Assert.Equal(5, Volatile.Read(ref ran));
    }
}
