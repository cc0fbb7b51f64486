namespace Dunning.Domain.Tests;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("MGA", 2)]
    [InlineData("XCG", 2)]
    [InlineData("ZWG", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("CLP", 0)]
    [InlineData("ISK", 0)]
    [InlineData("XOF", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("IQD", 3)]
    [InlineData("TND", 3)]
    [InlineData("CLF", 4)]
    [InlineData("UYW", 4)]
    public void GivenAnIsoCode_WhenAskedForMinorUnits_ThenReturnsTheIsoDigits(string code, int digits)
    {
        Assert.True(Currencies.IsKnown(code));
        Assert.Equal(digits, Currencies.MinorUnits(code));
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("Usd")]
    [InlineData("XTS")]
    [InlineData("XXX")]
    [InlineData("XAU")]
    [InlineData("XDR")]
    [InlineData("BOV")]
    [InlineData("USN")]
    [InlineData("HRK")]
    [InlineData("VEF")]
    [InlineData("")]
    [InlineData("CNY ")]
    public void GivenLowerCaseFundTestOrWithdrawnCode_WhenChecked_ThenItIsUnknownAndHasNoMinorUnits(string code)
    {
        Assert.False(Currencies.IsKnown(code));
        Assert.Throws<ArgumentException>(() => Currencies.MinorUnits(code));
    }

    [Fact]
    public void GivenTheTable_WhenListed_ThenHoldsTheActiveIsoCurrenciesOnce()
    {
        var all = Currencies.All;

        Assert.InRange(all.Count, 150, 165);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, code =>
        {
            Assert.Matches("^[A-Z]{3}$", code);
            Assert.True(Currencies.IsKnown(code));
            Assert.Contains(Currencies.MinorUnits(code), new[] { 0, 2, 3, 4 });
        });
    }

    [Fact]
    public void GivenTheTable_WhenListed_ThenComesInOrdinalOrder() =>
        Assert.Equal(Currencies.All.Order(StringComparer.Ordinal), Currencies.All);
}
