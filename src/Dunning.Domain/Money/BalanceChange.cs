namespace Dunning.Domain;

/// <summary>The overdue principal from <paramref name="Date"/> (debtor's local date) on, until the next change.</summary>
public sealed record BalanceChange(DateOnly Date, Money Outstanding);
