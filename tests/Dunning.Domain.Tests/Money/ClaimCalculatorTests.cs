namespace Dunning.Domain.Tests;

// Worked examples; numbers are computed by hand in the comments. 0.05 % a day on 12 000 CNY is 6 CNY a day.
public sealed class ClaimCalculatorTests
{
    private static readonly DateOnly Due = new(2025, 1, 31);
    private static readonly PenaltyTerms HalfPermilleFromDayOne = new(DailyRate: 0.0005m, StartAfterDays: 0, CapRate: 0.24m);
    private static readonly LateFee FiftyYuanAfterFifteenDays =
        new(new Dictionary<string, decimal> { ["CNY"] = 50m, ["USD"] = 10m }, AfterDays: 15);

    private static BalanceChange Cny(int dayPastDue, decimal outstanding) => new(Due.AddDays(dayPastDue), new Money(outstanding, "CNY"));

    [Fact]
    public void GivenPartialPaymentOnDayTen_WhenClaimedOnDayThirty_ThenEachBalanceEarnsInterestForItsOwnDays()
    {
        // Days 1-10 on 12 000 (the payment on day 10 counts from day 11): 10 x 6 = 60.
        // Days 11-30 (Feb 11 .. Mar 2) on 7 000: 20 x 3.5 = 70.
        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m), Cny(10, 7000m)], HalfPermilleFromDayOne, FiftyYuanAfterFifteenDays, new DateOnly(2025, 3, 2));

        Assert.Equal(new DateOnly(2025, 3, 2), claim.AsOf);
        Assert.Equal(new Money(7000m, "CNY"), claim.Principal);
        Assert.Equal(new Money(130.00m, "CNY"), claim.PenaltyInterest);
        Assert.Equal(new Money(50m, "CNY"), claim.Fees);
        Assert.Equal(new Money(7180.00m, "CNY"), claim.Total);
    }

    [Theory]
    [InlineData(10, 60.0)] // the payment day itself still runs on 12 000
    [InlineData(11, 63.5)] // the day after runs on 7 000
    public void GivenPaymentOnDayTen_WhenClaimedAroundIt_ThenThePaymentCountsFromTheNextDay(int dayPastDue, double interest)
    {
        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m), Cny(10, 7000m)], HalfPermilleFromDayOne, null, Due.AddDays(dayPastDue));

        Assert.Equal(new Money((decimal)interest, "CNY"), claim.PenaltyInterest);
    }

    [Theory]
    [InlineData(99, 594.0)]
    [InlineData(100, 600.0)]
    [InlineData(101, 600.0)]
    [InlineData(365, 600.0)]
    public void GivenCapOfFivePercent_WhenClaimedLate_ThenInterestStopsAtTheCap(int dayPastDue, double interest)
    {
        // Cap 5 % of 12 000 = 600, reached after 100 days of 6.
        var terms = HalfPermilleFromDayOne with { CapRate = 0.05m };

        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m)], terms, null, Due.AddDays(dayPastDue));

        Assert.Equal(new Money((decimal)interest, "CNY"), claim.PenaltyInterest);
    }

    [Fact]
    public void GivenPartialPayment_WhenCapReached_ThenCapIsOnTheOriginalPrincipal()
    {
        // 60 for days 1-10, then 3 a day on 6 000; 600 (5 % of 12 000) is reached on day 190. A cap on the
        // current principal would have stopped at 300.
        var terms = HalfPermilleFromDayOne with { CapRate = 0.05m };

        var atDay189 = ClaimCalculator.For(Due, [Cny(0, 12000m), Cny(10, 6000m)], terms, null, Due.AddDays(189));
        var atDay200 = ClaimCalculator.For(Due, [Cny(0, 12000m), Cny(10, 6000m)], terms, null, Due.AddDays(200));

        Assert.Equal(new Money(597m, "CNY"), atDay189.PenaltyInterest);
        Assert.Equal(new Money(600m, "CNY"), atDay200.PenaltyInterest);
    }

    [Fact]
    public void GivenGraceOfFiveDays_WhenClaimedOnDayTen_ThenOnlyDaysSixToTenEarnInterest()
    {
        var terms = HalfPermilleFromDayOne with { StartAfterDays = 5 };

        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m)], terms, null, Due.AddDays(10));

        Assert.Equal(new Money(30m, "CNY"), claim.PenaltyInterest);
    }

    [Fact]
    public void GivenNegativeGrace_WhenClaimed_ThenNoInterestAccruesOnOrBeforeTheDueDate()
    {
        var terms = HalfPermilleFromDayOne with { StartAfterDays = -5 };

        var claim = ClaimCalculator.For(Due, [Cny(-30, 12000m)], terms, null, Due.AddDays(2));

        Assert.Equal(new Money(12m, "CNY"), claim.PenaltyInterest);
    }

    [Theory]
    [InlineData(1, 1)] // 0.5 rounds away from zero
    [InlineData(3, 2)] // 1.5 once at the end; rounding each day would give 3
    [InlineData(5, 3)] // 2.5 away from zero; banker's rounding would give 2
    public void GivenYen_WhenInterestIsFractional_ThenRoundsOnceToWholeYen(int dayPastDue, int yen)
    {
        // 0.05 % of 1 000 JPY is half a yen a day.
        BalanceChange[] balances = [new(Due, new Money(1000m, "JPY"))];

        var claim = ClaimCalculator.For(Due, balances, HalfPermilleFromDayOne, null, Due.AddDays(dayPastDue));

        Assert.Equal(new Money(yen, "JPY"), claim.PenaltyInterest);
    }

    [Fact]
    public void GivenBalancesInTwoCurrencies_WhenClaimed_ThenThrowsCurrencyMismatch()
    {
        BalanceChange[] balances = [Cny(0, 12000m), new(Due.AddDays(5), new Money(1000m, "USD"))];

        Assert.Throws<CurrencyMismatchException>(() => ClaimCalculator.For(Due, balances, HalfPermilleFromDayOne, null, Due.AddDays(10)));
    }

    [Fact]
    public void GivenAsOfBeforeDueDate_WhenClaimed_ThenPrincipalOnlyWithoutInterestOrFee()
    {
        var claim = ClaimCalculator.For(Due, [Cny(-30, 12000m)], HalfPermilleFromDayOne, FiftyYuanAfterFifteenDays with { AfterDays = 0 }, Due.AddDays(-5));

        Assert.Equal(new Money(12000m, "CNY"), claim.Principal);
        Assert.Equal(Money.Zero("CNY"), claim.PenaltyInterest);
        Assert.Equal(Money.Zero("CNY"), claim.Fees);
    }

    [Fact]
    public void GivenOverpaymentOnDayTen_WhenClaimed_ThenPrincipalIsZeroAndCreditEarnsNoInterest()
    {
        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m), Cny(10, -50m)], HalfPermilleFromDayOne, null, Due.AddDays(30));

        Assert.Equal(Money.Zero("CNY"), claim.Principal);
        Assert.Equal(new Money(60m, "CNY"), claim.PenaltyInterest);
    }

    [Fact]
    public void GivenFirstBalanceAfterDueDate_WhenClaimed_ThenNothingIsOwedBeforeIt()
    {
        BalanceChange[] balances = [Cny(5, 12000m)];

        var before = ClaimCalculator.For(Due, balances, HalfPermilleFromDayOne, null, Due.AddDays(3));
        var after = ClaimCalculator.For(Due, balances, HalfPermilleFromDayOne, null, Due.AddDays(10));

        Assert.Equal(Money.Zero("CNY"), before.Principal);
        Assert.Equal(Money.Zero("CNY"), before.PenaltyInterest);
        Assert.Equal(new Money(12000m, "CNY"), after.Principal);
        Assert.Equal(new Money(30m, "CNY"), after.PenaltyInterest); // days 6-10
    }

    [Theory]
    [InlineData(14, 0)]
    [InlineData(15, 50)]
    [InlineData(400, 50)]
    public void GivenLateFeeAfterFifteenDays_WhenClaimed_ThenChargedOnceFromDayFifteen(int dayPastDue, int fee)
    {
        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m)], null, FiftyYuanAfterFifteenDays, Due.AddDays(dayPastDue));

        Assert.Equal(new Money(fee, "CNY"), claim.Fees);
    }

    [Fact]
    public void GivenNoFeeForTheCurrency_WhenClaimed_ThenFeeIsZero()
    {
        BalanceChange[] balances = [new(Due, new Money(100000m, "JPY"))];

        var claim = ClaimCalculator.For(Due, balances, null, FiftyYuanAfterFifteenDays, Due.AddDays(60));

        Assert.Equal(Money.Zero("JPY"), claim.Fees);
    }

    [Fact]
    public void GivenNoPenaltyAndNoFee_WhenClaimed_ThenOnlyPrincipalIsOwed()
    {
        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m), Cny(10, 7000m)], null, null, Due.AddDays(60));

        Assert.Equal(new Money(7000m, "CNY"), claim.Total);
        Assert.Equal(Money.Zero("CNY"), claim.PenaltyInterest);
        Assert.Equal(Money.Zero("CNY"), claim.Fees);
    }

    [Fact]
    public void GivenAsOfAtTheEndOfTheCalendar_WhenClaimed_ThenInterestCoversEveryDayWithoutWalkingThem()
    {
        var terms = HalfPermilleFromDayOne with { CapRate = 1_000_000m };

        var claim = ClaimCalculator.For(Due, [Cny(0, 12000m)], terms, null, DateOnly.MaxValue);

        Assert.Equal(new Money(6m * (DateOnly.MaxValue.DayNumber - Due.DayNumber), "CNY"), claim.PenaltyInterest);
    }

    [Fact]
    public void GivenNoBalances_WhenClaimed_ThenThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ClaimCalculator.For(Due, [], null, null, Due));

    [Fact]
    public void GivenBalancesOutOfDateOrder_WhenClaimed_ThenThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ClaimCalculator.For(Due, [Cny(10, 7000m), Cny(0, 12000m)], null, null, Due.AddDays(20)));

    [Fact]
    public void GivenLowerCaseCurrency_WhenClaimed_ThenThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ClaimCalculator.For(Due, [new(Due, new Money(1m, "cny"))], null, null, Due));

    [Fact]
    public void GivenNegativeDailyRate_WhenClaimed_ThenThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ClaimCalculator.For(Due, [Cny(0, 12000m)], HalfPermilleFromDayOne with { DailyRate = -0.001m }, null, Due.AddDays(5)));
}
