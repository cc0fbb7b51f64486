namespace Dunning.Domain;

/// <summary>A step runs its actions only when the outstanding amount reaches the minimum for its currency;
/// a currency absent from the map does not meet the condition.</summary>
public sealed record StepCondition(IReadOnlyDictionary<string, decimal> MinOutstanding);
