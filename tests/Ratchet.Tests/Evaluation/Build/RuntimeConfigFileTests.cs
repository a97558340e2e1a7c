using System.Text.Json;
using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class RuntimeConfigFileTests
{
    [Fact]
    public void Create_WhenGivenAVersion_NamesTheSharedFrameworkAtThatVersion()
    {
        using var json = JsonDocument.Parse(RuntimeConfigFile.Create("10.0.12"));

        var options = json.RootElement.GetProperty("runtimeOptions");
        Assert.Equal("net10.0", options.GetProperty("tfm").GetString());
        Assert.Equal("Microsoft.NETCore.App", options.GetProperty("framework").GetProperty("name").GetString());
        Assert.Equal("10.0.12", options.GetProperty("framework").GetProperty("version").GetString());
    }

    [Fact]
    public void Create_Always_TurnsOffServerAndConcurrentGcAndUsesInvariantGlobalization()
    {
        using var json = JsonDocument.Parse(RuntimeConfigFile.Create("10.0.12"));

        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.True(properties.GetProperty("System.Globalization.Invariant").GetBoolean());
    }

    [Fact]
    public void Create_WhenPrerelease_KeepsTheLabelAndDerivesTheTfm()
    {
        using var json = JsonDocument.Parse(RuntimeConfigFile.Create("11.0.0-preview.3.1"));

        var options = json.RootElement.GetProperty("runtimeOptions");
        Assert.Equal("net11.0", options.GetProperty("tfm").GetString());
        Assert.Equal("11.0.0-preview.3.1", options.GetProperty("framework").GetProperty("version").GetString());
    }
}
