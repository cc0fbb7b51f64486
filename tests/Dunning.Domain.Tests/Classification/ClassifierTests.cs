using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

/// <summary>Delinquency buckets by days past due, severity by days and amount.</summary>
public sealed class ClassifierTests
{
    private static readonly SeverityRules Rules = new(
        MediumAfterDays: 31,
        SevereAfterDays: 91,
        MediumAmount: new Dictionary<string, decimal> { ["CNY"] = 10000m, ["USD"] = 1500m },
        SevereAmount: new Dictionary<string, decimal> { ["CNY"] = 50000m, ["USD"] = 7500m });

    [Theory]
    [InlineData(-3, DelinquencyBucket.Current)]
    [InlineData(0, DelinquencyBucket.Current)]
    [InlineData(1, DelinquencyBucket.M1)]
    [InlineData(30, DelinquencyBucket.M1)]
    [InlineData(31, DelinquencyBucket.M2)]
    [InlineData(60, DelinquencyBucket.M2)]
    [InlineData(61, DelinquencyBucket.M3)]
    [InlineData(90, DelinquencyBucket.M3)]
    [InlineData(91, DelinquencyBucket.M3Plus)]
    [InlineData(int.MaxValue, DelinquencyBucket.M3Plus)]
    public void BucketFor_SplitsAtTheIndustryBoundaries(int daysPastDue, DelinquencyBucket expected) =>
        Assert.Equal(expected, Classifier.BucketFor(daysPastDue));

    [Theory]
    [InlineData(DelinquencyBucket.Current, "Current")]
    [InlineData(DelinquencyBucket.M1, "M1")]
    [InlineData(DelinquencyBucket.M2, "M2")]
    [InlineData(DelinquencyBucket.M3, "M3")]
    [InlineData(DelinquencyBucket.M3Plus, "M3+")]
    public void Label_IsTheIndustryName(DelinquencyBucket bucket, string label) =>
        Assert.Equal(label, Classifier.Label(bucket));

    [Property]
    public Property BucketFor_NeverFallsAsDaysPassBy() =>
        Prop.ForAll(Arb.From(Gen.Choose(-100, 400)), Arb.From(Gen.Choose(0, 200)), (days, more) =>
            Classifier.BucketFor(days) <= Classifier.BucketFor(days + more));

    [Theory]
    [InlineData(5, 100, "CNY", SeverityBucket.Light)]
    [InlineData(30, 9999.99, "CNY", SeverityBucket.Light)]
    [InlineData(31, 100, "CNY", SeverityBucket.Medium)]
    [InlineData(5, 10000, "CNY", SeverityBucket.Medium)]
    [InlineData(90, 49999.99, "CNY", SeverityBucket.Medium)]
    [InlineData(91, 100, "CNY", SeverityBucket.Severe)]
    [InlineData(1, 50000, "CNY", SeverityBucket.Severe)]
    [InlineData(1, 7500, "USD", SeverityBucket.Severe)]
    [InlineData(1, 1500, "USD", SeverityBucket.Medium)]
    [InlineData(1, 1499, "USD", SeverityBucket.Light)]
    public void SeverityFor_TakesTheHigherOfDaysAndAmount(int daysPastDue, double amount, string currency, SeverityBucket expected) =>
        Assert.Equal(expected, Classifier.SeverityFor(daysPastDue, new Money((decimal)amount, currency), Rules));

    [Theory]
    [InlineData(10, SeverityBucket.Light)]
    [InlineData(31, SeverityBucket.Medium)]
    [InlineData(91, SeverityBucket.Severe)]
    public void SeverityFor_ACurrencyWithoutThresholds_IsJudgedOnDaysOnly(int daysPastDue, SeverityBucket expected) =>
        Assert.Equal(expected, Classifier.SeverityFor(daysPastDue, new Money(1_000_000_000m, "JPY"), Rules));

    [Property]
    public Property SeverityFor_NeverFallsAsDaysOrAmountGrow() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 200)), Arb.From(Gen.Choose(0, 100_000)), Arb.From(Gen.Choose(0, 100)), (days, amount, more) =>
            Classifier.SeverityFor(days, new Money(amount, "CNY"), Rules)
                <= Classifier.SeverityFor(days + more, new Money(amount + (more * 1000), "CNY"), Rules));
}
