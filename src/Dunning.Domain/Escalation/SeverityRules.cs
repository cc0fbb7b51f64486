namespace Dunning.Domain;

/// <summary>Thresholds for light / medium / severe by days past due and outstanding amount (per currency).</summary>
public sealed record SeverityRules(
    int MediumAfterDays,
    int SevereAfterDays,
    IReadOnlyDictionary<string, decimal> MediumAmount,
    IReadOnlyDictionary<string, decimal> SevereAmount);
