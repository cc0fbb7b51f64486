namespace Dunning.Domain.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void GivenSameCurrency_WhenAddedAndSubtracted_ThenKeepsTheCurrency()
    {
        var sum = new Money(10.25m, "CNY") + new Money(4.75m, "CNY");
        var difference = new Money(10.25m, "CNY") - new Money(4.75m, "CNY");

        Assert.Equal(new Money(15.00m, "CNY"), sum);
        Assert.Equal(new Money(5.50m, "CNY"), difference);
    }

    [Fact]
    public void GivenDifferentCurrencies_WhenAdded_ThenThrowsCurrencyMismatch() =>
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, "CNY") + new Money(1m, "USD"));

    [Fact]
    public void GivenDifferentCurrencies_WhenSubtracted_ThenThrowsCurrencyMismatch() =>
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, "CNY") - new Money(1m, "USD"));

    [Fact]
    public void GivenDifferentCurrencies_WhenCompared_ThenThrowsCurrencyMismatch() =>
        Assert.Throws<CurrencyMismatchException>(() => Money.Max(new Money(1m, "EUR"), new Money(2m, "JPY")));

    [Theory]
    [InlineData("1.005", "CNY", "1.01")]
    [InlineData("1.004", "CNY", "1.00")]
    [InlineData("-1.005", "CNY", "-1.01")]
    [InlineData("2.5", "JPY", "3")]
    [InlineData("3.5", "JPY", "4")]
    [InlineData("-2.5", "JPY", "-3")]
    [InlineData("1234.4999", "KRW", "1234")]
    [InlineData("1.0005", "BHD", "1.001")]
    [InlineData("0.12345", "CLF", "0.1235")]
    public void GivenAnAmount_WhenRoundedToMinorUnit_ThenRoundsHalfAwayFromZeroToTheCurrencyDigits(
        string amount, string currency, string expected)
    {
        var rounded = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency)
            .RoundToMinorUnit();

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rounded.Amount);
        Assert.Equal(currency, rounded.Currency);
    }

    [Fact]
    public void GivenAnUnknownCurrency_WhenRounded_ThenThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Money(1.005m, "cny").RoundToMinorUnit());
}
