namespace Dunning.Domain;

/// <summary>A payment reported by the billing system; applied once per <see cref="PaymentId"/>.</summary>
public sealed record ReceivePayment(DateTimeOffset Now, string PaymentId, Money Amount, DateTimeOffset? ReceivedAt = null) : CaseCommand(Now);
