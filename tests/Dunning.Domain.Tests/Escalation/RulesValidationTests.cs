namespace Dunning.Domain.Tests;

/// <summary>Rules of the money and timing sections: penalty rates, late fee, severity thresholds, promises, plans.</summary>
public sealed class RulesValidationTests
{
    [Theory]
    [InlineData(-0.0001)]
    [InlineData(0.0101)]
    public void DailyRateOutside0To1Percent_IsAnError(double rate) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["penalty"]!["dailyRate"] = rate),
            "penalty.dailyRate",
            "between 0 and 0.01");

    [Theory]
    [InlineData(-1)]
    [InlineData(10.5)]
    public void CapRateOutside0To10_IsAnError(double rate) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["penalty"]!["capRate"] = rate),
            "penalty.capRate",
            "between 0 and 10");

    [Fact]
    public void LateFeeCurrency_MustBeThreeUpperCaseLetters() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["lateFee"]!["amounts"]!["yen"] = 500),
            "lateFee.amounts.yen",
            "three upper-case letters");

    [Fact]
    public void MediumDaysNotBeforeSevereDays_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["severity"]!["mediumAfterDays"] = 91),
            "severity.mediumAfterDays",
            "must be less than severeAfterDays (91), but is 91");

    [Fact]
    public void MediumAmountNotBelowSevereAmount_IsAnError_ForThatCurrency() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["severity"]!["mediumAmount"]!["USD"] = 9000),
            "severity.mediumAmount.USD",
            "must be less than severeAmount.USD (7500)");

    [Fact]
    public void SeverityAmount_ForOnlyOneBucket_IsAccepted()
    {
        var result = EscalationPolicyParser.Parse(PolicyJson.DefaultWith(d => d["severity"]!["mediumAmount"]!["EUR"] = 1400));

        Assert.Empty(result.Errors);
        Assert.False(result.Policy!.Severity.SevereAmount.ContainsKey("EUR"));
    }

    [Theory]
    [InlineData("promise", "graceDays", -1)]
    [InlineData("promise", "maxDaysAhead", 0)]
    [InlineData("plan", "maxMonths", 0)]
    [InlineData("plan", "holdForPlanDays", -1)]
    public void NegativeOrZeroPeriods_AreErrors(string section, string field, int value) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d[section]![field] = value),
            $"{section}.{field}",
            "must be between");
}
