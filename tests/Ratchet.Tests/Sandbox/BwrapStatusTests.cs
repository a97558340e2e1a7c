using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class BwrapStatusTests
{
    [Fact]
    public void ExitCode_WhenBwrapReportedTheCommandsEnd_ReadsIt() =>
        Assert.Equal(159, BwrapStatus.ExitCode("{ \"child-pid\": 12, \"cgroup-namespace\": 4026 }\n{ \"exit-code\": 159 }\n"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{ \"child-pid\": 12 }\n")]
    public void ExitCode_WhenTheCommandNeverRanToItsEnd_IsNull(string? text) => Assert.Null(BwrapStatus.ExitCode(text));
}
