using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class RequestRulesTests
{
    [Fact]
    public void Validate_WhenManyThingsAreWrong_ListsThemAllInOneError()
    {
        var request = new SandboxRequest
        {
            Command = [],
            Environment = new Dictionary<string, string> { ["1BAD"] = "x", ["RATCHET_OUT"] = "/x", ["OK"] = "a\0b" },
            Limits = new SandboxLimits(0, 1, 64, 8, 0),
            RunResults = new SandboxResults("/nonexistent/run/out", []),
            Cpus = [],
        };

        var error = Assert.Throws<ArgumentException>(() => RequestRules.Validate(request)).Message;

        Assert.Contains("Command is empty", error);
        Assert.Contains("'1BAD' is not a shell name", error);
        Assert.Contains("RATCHET_OUT is set by the sandbox itself", error);
        Assert.Contains("OK holds a NUL", error);
        Assert.Contains("wall and CPU seconds must be positive", error);
        Assert.Contains("output bytes must be positive", error);
        Assert.Contains("/nonexistent/run/out does not exist", error);
        Assert.Contains("Cpus must name at least one CPU", error);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(1024)]
    public void Validate_ACpuOutsideWhatAMaskHolds_IsRefusedNamingIt(int cpu)
    {
        var request = new SandboxRequest { Command = ["true"], Limits = SandboxLimits.From(new Ratchet.Tasks.LimitsSpec()), Cpus = [1, cpu] };

        var error = Assert.Throws<ArgumentException>(() => RequestRules.Validate(request)).Message;

        Assert.Contains($"each from 0 to 1023 (found [1,{cpu}])", error);
    }

    [Fact]
    public void Validate_WhenTheRequestIsSound_Passes() =>
        RequestRules.Validate(new SandboxRequest
        {
            Command = ["python3", "main.py"],
            Environment = new Dictionary<string, string> { ["SEED"] = "1" },
            Limits = SandboxLimits.From(new Ratchet.Tasks.LimitsSpec()),
        });
}
