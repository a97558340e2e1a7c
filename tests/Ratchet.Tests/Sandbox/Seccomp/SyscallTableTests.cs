using Ratchet.Sandbox.Seccomp;

namespace Ratchet.Tests.Sandbox.Seccomp;

public sealed class SyscallTableTests
{
    [Fact]
    public void Tables_WhenComparedWithTheFilterLists_NameEveryCallTheFilterUses()
    {
        foreach (var call in SeccompFilter.NotImplemented.Concat(SeccompFilter.Refused).Concat(["socket", "ioctl", "clone"]))
        {
            Assert.True(SyscallTable.X86_64.Numbers.ContainsKey(call), call);
            Assert.True(SyscallTable.Aarch64.Numbers.ContainsKey(call), call);
        }

        Assert.All(SeccompFilter.Killed, call => Assert.True(SyscallTable.X86_64.Numbers.ContainsKey(call), call));
    }

    [Fact]
    public void Tables_WhenRead_HaveNoDuplicateNumbers()
    {
        foreach (var table in new[] { SyscallTable.X86_64, SyscallTable.Aarch64 })
        {
            Assert.Equal(table.Numbers.Count, table.Numbers.Values.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("x86_64", "/usr/include/x86_64-linux-gnu/asm/unistd_64.h")]
    [InlineData("aarch64", "/usr/include/asm-generic/unistd.h")]
    public void Table_WhenCheckedAgainstTheKernelHeaders_Agrees(string architecture, string header)
    {
        Assert.True(File.Exists(header), $"{header} is needed to check the table (apt-get install -y linux-libc-dev)");
        var table = architecture == "x86_64" ? SyscallTable.X86_64 : SyscallTable.Aarch64;
        var defined = new Dictionary<string, uint>();
        foreach (var parts in File.ReadLines(header).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (parts.Length == 3 && parts[0] == "#define" && parts[1].StartsWith("__NR_", StringComparison.Ordinal)
                && uint.TryParse(parts[2], out var number))
            {
                defined.TryAdd(parts[1][5..], number);
            }
        }

        foreach (var (call, number) in table.Numbers)
        {
            Assert.True(defined.TryGetValue(call, out var expected) && expected == number, $"{architecture} {call}: table says {number}");
        }
    }
}
