namespace Dunning.Domain;

/// <summary>A promise to pay <see cref="Amount"/> by <see cref="Date"/>; escalation waits until <see cref="HoldUntil"/>
/// (the date plus the policy's grace). <see cref="Paid"/> counts payments since the promise was made.</summary>
public sealed record PromiseToPay(Money Amount, DateOnly Date, DateTimeOffset HoldUntil, Money Paid, bool Kept);
