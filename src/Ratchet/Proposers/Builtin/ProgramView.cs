using Ratchet.Proposers.Builtin.Text;
using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin;

/// <summary>A program with each file analysed: the unit every operator works on.</summary>
internal sealed class ProgramView
{
    public ProgramView(ProgramSnapshot program)
    {
        Program = program;
        Files = [.. program.Files.Select(f => SourceFile.Parse(f.Key, f.Value))];
        NumberSites = [.. Files.SelectMany((file, i) => file.Literals.Select(s => (i, s)))];
        FloatSites = [.. NumberSites.Where(s => !s.Site.Literal.IsInteger)];
        FloatLayout = string.Join('\n', FloatSites.Select(s => s.Site.Key));
        NumberLayout = string.Join('\n', NumberSites.Select(s => s.Site.Key));
    }

    public ProgramSnapshot Program { get; }

    public string Id => Program.Id;

    /// <summary>Files in ordinal path order.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Every number literal, file by file.</summary>
    public IReadOnlyList<(int File, LiteralSite Site)> NumberSites { get; }

    /// <summary>Every float literal, file by file: the coordinates of the joint (CMA) move without integers.</summary>
    public IReadOnlyList<(int File, LiteralSite Site)> FloatSites { get; }

    /// <summary>The keys of <see cref="FloatSites"/>, joined: equal layouts share a CMA state.</summary>
    public string FloatLayout { get; }

    /// <summary>The keys of <see cref="NumberSites"/>, joined.</summary>
    public string NumberLayout { get; }

    public int LiteralCount => Files.Sum(f => f.Literals.Count);

    public int LineCount => Files.Sum(f => f.Lines.Count);
}
