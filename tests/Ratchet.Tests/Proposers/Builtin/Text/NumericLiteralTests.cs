using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Tests.Proposers.Builtin.Text;

public sealed class NumericLiteralTests
{
    [Theory]
    [InlineData("0x1F")]
    [InlineData("0b101")]
    [InlineData("017")]
    [InlineData("3px")]
    [InlineData("99999999999999999999")]
    public void TryParse_WhenLiteralIsNotPlainDecimal_LeavesItAlone(string token) =>
        Assert.Null(NumericLiteral.TryParse(token, LanguageProfile.CLike));

    [Fact]
    public void TryParse_PythonComplex_LeavesItAlone() => Assert.Null(NumericLiteral.TryParse("2j", LanguageProfile.Python));

    [Theory]
    [InlineData("42", 42, true, "")]
    [InlineData("1_000", 1000, true, "")]
    [InlineData("2.5", 2.5, false, "")]
    [InlineData("1e-3", 0.001, false, "")]
    [InlineData("3f", 3, false, "f")]
    [InlineData("7UL", 7, true, "UL")]
    public void TryParse_CSharpLiterals_ReadValueShapeAndSuffix(string token, double value, bool integer, string suffix)
    {
        var literal = NumericLiteral.TryParse(token, LanguageProfile.CSharp);
        Assert.Equal(new NumericLiteral(value, integer, suffix), literal);
    }

    [Fact]
    public void Format_Integer_StaysIntegerWithSuffix() =>
        Assert.Equal("13L", new NumericLiteral(12, true, "L").Format(12.6, 1, 8, integer: true));

    [Fact]
    public void Format_UnsignedNegative_IsRefused() =>
        Assert.Null(new NumericLiteral(2, true, "u").Format(-1, 1, 8, integer: true));

    [Theory]
    [InlineData(0.123456789, 0.01, "0.12")]
    [InlineData(0.123456789, 1e-7, "0.1234568")]
    [InlineData(2.0, 0.1, "2.0")]
    [InlineData(-0.00001234, 1e-9, "-1.234e-05")]
    public void Format_Float_UsesFewestDigitsWithinTolerance(double value, double tolerance, string expected) =>
        Assert.Equal(expected, new NumericLiteral(1.5, false, "").Format(value, tolerance, 8, integer: false));

    [Fact]
    public void Format_IntegerBecomingFloat_DropsIntegerSuffix() =>
        Assert.Equal("2.5", new NumericLiteral(2, true, "L").Format(2.5, 0.01, 8, integer: false));

    [Fact]
    public void Format_NonFinite_IsRefused() =>
        Assert.Null(new NumericLiteral(1, false, "").Format(double.NaN, 0.1, 8, integer: false));
}
