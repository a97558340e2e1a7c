using Ratchet.Ledger;

namespace Ratchet.Tests.Ledger;

public sealed class HeadFileTests
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    [Fact]
    public void Read_WhenNoHeadWasEverWritten_IsNull()
    {
        using var home = new TempDir();

        Assert.Null(new HeadFile(new RatchetHome(home.Path), "store").Read());
    }

    [Fact]
    public void Advance_WhenTheSequenceGrowsADigit_ReadsBackExactlyTheNewHead()
    {
        using var home = new TempDir();
        var head = new HeadFile(new RatchetHome(home.Path), "store");

        head.Advance(9, HashA);
        head.Advance(10, HashB);

        Assert.Equal((10L, HashB), head.Read());
        Assert.Equal($"10 {HashB}\n", File.ReadAllText(head.Path));
    }

    [Fact]
    public void Advance_WhenALaterHeadIsRecorded_NeverMovesBack()
    {
        using var home = new TempDir();
        var head = new HeadFile(new RatchetHome(home.Path), "store");
        var other = new HeadFile(new RatchetHome(home.Path), "store");

        other.Advance(12, HashB);
        head.Advance(11, HashA);

        Assert.Equal((12L, HashB), head.Read());
    }

    [Fact]
    public void Advance_WhenTheFileHoldsALongerRecord_LeavesNoOldBytesBehind()
    {
        using var home = new TempDir();
        var head = new HeadFile(new RatchetHome(home.Path), "store");
        Directory.CreateDirectory(Path.GetDirectoryName(head.Path)!);
        File.WriteAllText(head.Path, $"not a head, and longer than any record: {HashA} {HashA}\n");

        head.Advance(3, HashB);

        Assert.Equal($"3 {HashB}\n", File.ReadAllText(head.Path));
    }

    [Fact]
    public void Advance_WhenManyWritersRace_TheHighestSequenceWins()
    {
        using var home = new TempDir();
        var path = new RatchetHome(home.Path);

        Parallel.For(1, 201, seq => new HeadFile(path, "store").Advance(seq, seq % 2 == 0 ? HashA : HashB));

        Assert.Equal((200L, HashA), new HeadFile(path, "store").Read());
    }
}
