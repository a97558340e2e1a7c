using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class BubblewrapSandboxPlanTests
{
    [Fact]
    public void InsideEnvironment_WhenEverythingIsUsed_HoldsFixedRequestAndSandboxVariablesOnly()
    {
        var request = new SandboxRequest
        {
            Command = ["true"],
            Environment = new Dictionary<string, string> { ["SEED"] = "3", ["LANG"] = "fr_FR.UTF-8" },
            CollectResults = true,
            RunResults = new SandboxResults("/x", []),
            ResourcesJson = [],
            Limits = new SandboxLimits(1, 1, 64, 8, 10),
        };

        var variables = BubblewrapSandbox.InsideEnvironment(request, dotnetRoot: "/opt/dotnet").ToDictionary();

        Assert.Equal(new Dictionary<string, string>
        {
            ["DOTNET_EnableWriteXorExecute"] = "0",
            ["DOTNET_ROOT"] = "/opt/dotnet",
            ["HOME"] = "/tmp",
            ["LANG"] = "fr_FR.UTF-8",
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin:/opt/dotnet",
            ["RATCHET_OUT"] = "/out",
            ["RATCHET_RESOURCES"] = "/ratchet/resources.json",
            ["RATCHET_RUN_OUT"] = "/run-out",
            ["SEED"] = "3",
        }, variables);
    }

    [Fact]
    public void InsideEnvironment_WhenTheTestProcessHasSecrets_TakesNothingFromIt()
    {
        Environment.SetEnvironmentVariable("RATCHET_UNIT_SECRET", "s3cret");
        var request = new SandboxRequest { Command = ["true"], Limits = new SandboxLimits(1, 1, 64, 8, 10) };

        var variables = BubblewrapSandbox.InsideEnvironment(request, null);

        Assert.DoesNotContain(variables, pair => pair.Value.Contains("s3cret"));
        Assert.Equal(["DOTNET_EnableWriteXorExecute", "HOME", "LANG", "PATH"], variables.Select(pair => pair.Key));
    }
}
