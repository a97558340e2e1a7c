using System.Text;
using Ratchet.Common;

namespace Ratchet.Tests.Common;

public sealed class SelfExecTests
{
    [Theory]
    [InlineData("dotnet\0ratchet.dll\0run\0", new[] { "dotnet", "ratchet.dll", "run" })]
    [InlineData("ratchet\0run\0\0--json\0", new[] { "ratchet", "run", "", "--json" })]
    [InlineData("no-terminator", new[] { "no-terminator" })]
    [InlineData("", new string[0])]
    public void Split_KeepsEveryArgument_EmptyOnesIncluded_EachNulTerminated(string commandLine, string[] expected)
    {
        var pieces = SelfExec.Split(Encoding.UTF8.GetBytes(commandLine));

        Assert.Equal(expected.Select(e => e + "\0"), pieces.Select(p => Encoding.UTF8.GetString(p)));
    }

    [Fact]
    public void Split_KeepsBytesThatAreNotUtf8()
    {
        var pieces = SelfExec.Split(new byte[] { 0x61, 0xff, 0x00, 0xfe });

        Assert.Equal(new byte[] { 0x61, 0xff, 0x00 }, pieces[0]);
        Assert.Equal(new byte[] { 0xfe, 0x00 }, pieces[1]);
    }
}
