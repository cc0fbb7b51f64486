using FsCheck;
using FsCheck.Fluent;

namespace Dunning.Domain.Tests;

/// <summary>A random claim: a balance timeline around a due date, penalty terms and the day it is claimed.</summary>
public sealed record ClaimScenario(DateOnly DueDate, IReadOnlyList<BalanceChange> Balances, PenaltyTerms Penalty, DateOnly AsOf)
{
    private static readonly DateOnly BaseDueDate = new(2024, 12, 20);

    public string Currency => Balances[0].Outstanding.Currency;

    public ClaimBreakdown Claim(DateOnly asOf) => ClaimCalculator.For(DueDate, Balances, Penalty, null, asOf);

    /// <summary>The specification walked literally, one day at a time, as the reference for the O(changes) version.</summary>
    public Money NaiveInterest(DateOnly asOf)
    {
        var sum = 0m;
        for (var day = DueDate.AddDays(1); day <= asOf; day = day.AddDays(1))
        {
            if (day <= DueDate.AddDays(Penalty.StartAfterDays))
                continue;

            var inForce = 0m;
            foreach (var change in Balances)
            {
                if (change.Date < day)
                    inForce = change.Outstanding.Amount;
            }

            sum += Penalty.DailyRate * Math.Max(0m, inForce);
        }

        var cap = Penalty.CapRate * Math.Max(0m, Balances[0].Outstanding.Amount);
        return new Money(Math.Round(Math.Min(sum, cap), Currencies.MinorUnits(Currency), MidpointRounding.AwayFromZero), Currency);
    }

    public Money RoundedCap =>
        new Money(Penalty.CapRate * Math.Max(0m, Balances[0].Outstanding.Amount), Currency).RoundToMinorUnit();

    public static Arbitrary<ClaimScenario> Arbitrary { get; } = Generator().ToArbitrary();

    private static Gen<ClaimScenario> Generator() =>
        from currency in Gen.Elements("CNY", "JPY", "BHD", "CLF", "USD")
        from dueOffset in Gen.Choose(-400, 400)
        from firstOffset in Gen.Choose(-30, 30)
        from count in Gen.Choose(1, 8)
        // A gap of 0 puts two changes on one day: the later one must win.
        from gaps in Gen.ArrayOf(Gen.Choose(0, 40), count - 1)
        // Cents from -1 000 to 20 000: mostly debts, some credits and zeros.
        from cents in Gen.ArrayOf(Gen.Choose(-100_000, 2_000_000), count)
        from dailyRate in Gen.Choose(0, 200).Select(n => n / 100_000m)
        from startAfterDays in Gen.Choose(-5, 40)
        // Caps that bind early, late, never, or at once.
        from capRate in Gen.Frequency((1, Gen.Constant(0m)), (4, Gen.Choose(1, 100).Select(n => n / 100m)), (1, Gen.Constant(1000m)))
        from asOfOffset in Gen.Choose(-40, 400)
        let dueDate = BaseDueDate.AddDays(dueOffset)
        select new ClaimScenario(
            dueDate,
            Timeline(dueDate.AddDays(firstOffset), gaps, cents, currency),
            new PenaltyTerms(dailyRate, startAfterDays, capRate),
            dueDate.AddDays(asOfOffset));

    private static BalanceChange[] Timeline(DateOnly first, int[] gaps, int[] cents, string currency)
    {
        var changes = new BalanceChange[cents.Length];
        var date = first;
        for (var i = 0; i < cents.Length; i++)
        {
            if (i > 0)
                date = date.AddDays(gaps[i - 1]);
            changes[i] = new BalanceChange(date, new Money(cents[i] / 100m, currency));
        }

        return changes;
    }

    public override string ToString() =>
        $"due {DueDate:O}, asOf {AsOf:O}, {Penalty}, balances [{string.Join(", ", Balances.Select(b => $"{b.Date:O}={b.Outstanding.Amount}"))}] {Currency}";
}
