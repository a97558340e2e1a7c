using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed partial class CSharpBuilderTests
{
    [Fact]
    public async Task WarmUp_Always_CompilesItsOwnProgramWithoutErrors()
    {
        var result = await new CSharpBuilder(new CSharpBuildOptions { CacheEntries = 0 })
            .BuildAsync(TestPrograms.Of(CSharpBuilder.WarmUpSource), Ct);

        Assert.Null(result.Error);
    }

    [Fact]
    public async Task WarmUp_WhenAwaitedTwice_CompletesBothTimes()
    {
        var builder = new CSharpBuilder();

        await builder.WarmUpAsync(Ct);
        await builder.WarmUpAsync(Ct);

        Assert.Equal(0, builder.Statistics.Compilations);
    }
}
