namespace Dunning.Domain;

/// <summary>The one timer a case expects: a firing whose token differs is stale and changes nothing.</summary>
public sealed record PendingTimer(string Token, DateTimeOffset DueAt);
