namespace Dunning.Domain;

/// <summary>A fixed fee charged once the debt is <paramref name="AfterDays"/> days past due; amount per currency
/// (a currency absent from the map is charged no fee).</summary>
public sealed record LateFee(IReadOnlyDictionary<string, decimal> AmountByCurrency, int AfterDays);
