using Ratchet.Proposers;
using Ratchet.Proposers.Replay;

namespace Ratchet.Tests.Proposers.Replay;

public sealed class ReplayProposerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_ReadsFilesAndPatchLines_InOrder()
    {
        var path = _dir.File("r.jsonl", """
            {"label": "one", "files": {"p.py": "x = 1\n"}}

            {"label": "two", "patch": "--- a/p.py\n+++ b/p.py\n"}
            """);
        var proposer = ReplayProposer.Load(path);
        Assert.Equal(["one", "two"], proposer.Proposals.Select(p => p.Label));
        Assert.IsType<ProposalChange.Files>(proposer.Proposals[0].Change);
        Assert.IsType<ProposalChange.Patch>(proposer.Proposals[1].Change);
    }

    [Fact]
    public void Load_ReportsEveryBadLineAtOnce()
    {
        var path = _dir.File("bad.jsonl", """
            {"label": "ok", "files": {"p.py": "x"}}
            {"lable": "typo", "files": {}}
            not json
            {"label": "both", "files": {}, "patch": ""}
            {"label": "num", "files": {"p.py": 3}}
            """);
        var error = Assert.Throws<ReplayFileException>(() => ReplayProposer.Load(path));
        Assert.Contains("has 4 bad line(s)", error.Message);
        Assert.Contains("bad.jsonl:2: unknown key 'lable'; did you mean 'label'?", error.Message);
        Assert.Contains("bad.jsonl:3: not valid JSON", error.Message);
        Assert.Contains("bad.jsonl:4: give exactly one of \"files\" (full new contents) and \"patch\" (a unified diff)", error.Message);
        Assert.Contains("bad.jsonl:5: \"files\".\"p.py\" must be a string", error.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFixWithAnExample()
    {
        var error = Assert.Throws<ReplayFileException>(() => ReplayProposer.Load(Path.Combine(_dir.Path, "none.jsonl")));
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("\"label\"", error.Message);
    }

    [Fact]
    public async Task Propose_MapsProposalIndexToLine_AndEndsWithNull()
    {
        var proposer = new ReplayProposer([new Proposal("a", new ProposalChange.Files(new Dictionary<string, string>()))]);
        var context = (long index) => new ProposalContext(index, 0, null!, null!, _ => false);
        Assert.Equal("a", (await proposer.ProposeAsync(context(1), TestContext.Current.CancellationToken))!.Label);
        Assert.Null(await proposer.ProposeAsync(context(2), TestContext.Current.CancellationToken));
    }
}
