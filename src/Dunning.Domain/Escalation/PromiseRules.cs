namespace Dunning.Domain;

/// <summary>A promise holds escalation until its date plus <paramref name="GraceDays"/>; no promise may reach further
/// than <paramref name="MaxDaysAhead"/>.</summary>
public sealed record PromiseRules(int GraceDays, int MaxDaysAhead);
