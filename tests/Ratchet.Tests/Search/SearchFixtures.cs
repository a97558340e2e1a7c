using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Search;

internal static class SearchFixtures
{
    public static ProgramSnapshot Program(string text) => new([KeyValuePair.Create("main.py", text)]);

    public static ArchiveOptions OneCell(int islands) =>
        new() { Islands = islands, Features = [new FeatureDimension(FeatureKind.Length, "", 0, 10, 1)] };

    /// <summary>Offers a program named by <paramref name="name"/> with <paramref name="score"/> to an island.</summary>
    public static string Offer(Archive archive, string name, double score, int? island, long index, string? metrics = null)
    {
        var program = Program(name);
        archive.Offer(program.Id, program, score, metrics, island, index);
        return program.Id;
    }
}
