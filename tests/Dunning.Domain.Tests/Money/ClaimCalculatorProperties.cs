using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed class ClaimCalculatorProperties
{
    [Property(MaxTest = 500)]
    public Property PenaltyInterestIsNeverNegative() =>
        Prop.ForAll(ClaimScenario.Arbitrary, s => s.Claim(s.AsOf).PenaltyInterest.Amount >= 0m);

    [Property(MaxTest = 500)]
    public Property PenaltyInterestNeverExceedsTheCapOnTheOriginalPrincipal() =>
        Prop.ForAll(ClaimScenario.Arbitrary, s => s.Claim(s.AsOf).PenaltyInterest <= s.RoundedCap);

    [Property(MaxTest = 500)]
    public Property PenaltyInterestNeverDecreasesAsTimePasses() =>
        Prop.ForAll(ClaimScenario.Arbitrary, Gen.Choose(0, 120).ToArbitrary(), (s, laterBy) =>
            s.Claim(s.AsOf).PenaltyInterest <= s.Claim(s.AsOf.AddDays(laterBy)).PenaltyInterest);

    [Property(MaxTest = 500)]
    public Property PenaltyInterestEqualsTheDayByDaySum() =>
        Prop.ForAll(ClaimScenario.Arbitrary, s => s.Claim(s.AsOf).PenaltyInterest == s.NaiveInterest(s.AsOf));

    [Property(MaxTest = 500)]
    public Property PrincipalIsTheLastBalanceOnOrBeforeAsOfFlooredAtZero() =>
        Prop.ForAll(ClaimScenario.Arbitrary, s =>
        {
            var inForce = s.Balances.LastOrDefault(b => b.Date <= s.AsOf)?.Outstanding.Amount ?? 0m;
            return s.Claim(s.AsOf).Principal == new Money(Math.Max(0m, inForce), s.Currency);
        });
}
