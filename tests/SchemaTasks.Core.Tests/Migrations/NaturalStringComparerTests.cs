using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class NaturalStringComparerTests
{
    private static int Compare(string? x, string? y) => Math.Sign(NaturalStringComparer.Instance.Compare(x, y));

    [Theory]
    [InlineData("2_x.sql", "10_x.sql")]
    [InlineData("V1.9", "V1.10")]
    [InlineData("a9b", "a10a")]
    [InlineData("1", "1.1")]
    [InlineData("x", "x1")]
    public void Digits_CompareByValue(string smaller, string larger)
    {
        Assert.Equal(-1, Compare(smaller, larger));
        Assert.Equal(1, Compare(larger, smaller));
    }

    [Fact]
    public void LongDigitRuns_BeyondLongMaxValue_CompareByValue()
    {
        Assert.Equal(-1, Compare("9223372036854775808_a", "9223372036854775809_a"));
        Assert.Equal(-1, Compare("99999999999999999999999_a", "100000000000000000000000_a"));
        Assert.Equal(1, Compare("123456789012345678901234567890", "123456789012345678901234567889"));
    }

    [Fact]
    public void LeadingZeros_GiveATotalOrder_FewerZerosFirst()
    {
        Assert.Equal(-1, Compare("1", "01"));
        Assert.Equal(-1, Compare("01", "001"));
        Assert.Equal(1, Compare("001", "1"));
        Assert.Equal(-1, Compare("01_a", "2_a"));
    }

    [Fact]
    public void DifferentStrings_NeverCompareEqual_AndTheOrderIsConsistent()
    {
        string[] values = ["1", "01", "001", "1a", "01a", "a", "A", "a1", "a01", "a10", "a2", "", "_", "1.1", "1.01", "10"];

        foreach (var x in values)
        {
            foreach (var y in values)
            {
                Assert.Equal(x == y, Compare(x, y) == 0);
                Assert.Equal(-Compare(y, x), Compare(x, y));
                foreach (var z in values)
                {
                    if (Compare(x, y) < 0 && Compare(y, z) < 0)
                    {
                        Assert.True(Compare(x, z) < 0, $"'{x}' < '{y}' < '{z}' but not '{x}' < '{z}'");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("B", "a")]
    [InlineData("a", "b")]
    [InlineData("f", "é")]
    [InlineData("-", "_")]
    public void OtherCharacters_CompareOrdinally(string smaller, string larger)
    {
        Assert.Equal(-1, Compare(smaller, larger));
        Assert.Equal(1, Compare(larger, smaller));
    }

    [Fact]
    public void NonAsciiDigits_CompareAsOrdinaryCharacters_SoTheOrderStaysTransitive()
    {
        // U+0663 is ARABIC-INDIC DIGIT THREE. Treated as a digit run it sorted below "15" by length
        // while sorting above "z" by code point, and "15" sorts below "z": a cycle.
        const string arabicThree = "\u0663";
        Assert.Equal(-1, Compare("15", "z"));
        Assert.Equal(-1, Compare("z", arabicThree));
        Assert.Equal(-1, Compare("15", arabicThree));
    }

    [Fact]
    public void Null_SortsFirst()
    {
        Assert.Equal(-1, Compare(null, ""));
        Assert.Equal(1, Compare("", null));
        Assert.Equal(0, Compare(null, null));
    }
}
