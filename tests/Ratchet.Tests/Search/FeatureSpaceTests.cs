using Ratchet.Search;

namespace Ratchet.Tests.Search;

public sealed class FeatureSpaceTests
{
    [Theory]
    [InlineData(-5.0, 0)]
    [InlineData(0.0, 0)]
    [InlineData(2.49, 0)]
    [InlineData(2.5, 1)]
    [InlineData(9.99, 3)]
    [InlineData(50.0, 3)]
    [InlineData(double.NaN, 0)]
    public void BinOf_BinsUniformlyAndClamps(double value, int bin) =>
        Assert.Equal(bin, new FeatureDimension(FeatureKind.Metric, "m", 0, 10, 4).BinOf(value));

    [Fact]
    public void BinOf_Missing_IsTheFirstBin() => Assert.Equal(0, new FeatureDimension(FeatureKind.Metric, "m", 0, 10, 4).BinOf(null));

    [Fact]
    public void CellOf_CombinesLengthAndMetricRowMajor()
    {
        FeatureDimension[] dims = [new(FeatureKind.Length, "", 0, 4, 4), new(FeatureKind.Metric, "mem", 0, 100, 10)];
        var space = new FeatureSpace(dims, rootLength: 10);
        var program = SearchFixtures.Program(new string('x', 25));
        var cell = space.CellOf(program, """{"score": 1, "mem": 42.0}""");
        Assert.Equal(2 * 10 + 4, cell);
        Assert.Equal([2, 4], space.Coordinates(cell));
    }

    [Fact]
    public void CellOf_UnreadableMetrics_UseTheFirstBin()
    {
        var space = new FeatureSpace([new FeatureDimension(FeatureKind.Metric, "mem", 0, 100, 10)], 10);
        Assert.Equal(0, space.CellOf(SearchFixtures.Program("x"), "not json"));
        Assert.Equal(0, space.CellOf(SearchFixtures.Program("x"), """{"mem": "high"}"""));
    }
}
