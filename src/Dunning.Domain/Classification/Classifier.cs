namespace Dunning.Domain;

/// <summary>Puts a case in its delinquency and severity buckets; pure functions of days past due and amount.</summary>
public static class Classifier
{
    /// <summary>Days past due on the debtor's <paramref name="today"/>, counted while the debt is pursued (active, paused or
    /// with legal) and zero once the case is closed.</summary>
    public static int DaysPastDue(CaseStatus status, DateOnly dueDate, DateOnly today) =>
        status is CaseStatus.Active or CaseStatus.Paused or CaseStatus.HandedToLegal ? Math.Max(0, today.DayNumber - dueDate.DayNumber) : 0;

    public static DelinquencyBucket BucketFor(int daysPastDue) => daysPastDue switch
    {
        <= 0 => DelinquencyBucket.Current,
        <= 30 => DelinquencyBucket.M1,
        <= 60 => DelinquencyBucket.M2,
        <= 90 => DelinquencyBucket.M3,
        _ => DelinquencyBucket.M3Plus,
    };

    /// <summary>Either the age or the size of the debt is enough to raise the bucket. A currency the rules give no
    /// threshold for is judged on days alone: amounts are never converted between currencies.</summary>
    public static SeverityBucket SeverityFor(int daysPastDue, Money outstanding, SeverityRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);

        if (daysPastDue >= rules.SevereAfterDays || Reaches(outstanding, rules.SevereAmount))
        {
            return SeverityBucket.Severe;
        }

        return daysPastDue >= rules.MediumAfterDays || Reaches(outstanding, rules.MediumAmount)
            ? SeverityBucket.Medium
            : SeverityBucket.Light;
    }

    public static string Label(DelinquencyBucket bucket) => bucket switch
    {
        DelinquencyBucket.Current => "Current",
        DelinquencyBucket.M1 => "M1",
        DelinquencyBucket.M2 => "M2",
        DelinquencyBucket.M3 => "M3",
        DelinquencyBucket.M3Plus => "M3+",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Not a delinquency bucket."),
    };

    private static bool Reaches(Money outstanding, IReadOnlyDictionary<string, decimal> thresholds) =>
        thresholds.TryGetValue(outstanding.Currency, out var threshold) && outstanding.Amount >= threshold;
}
