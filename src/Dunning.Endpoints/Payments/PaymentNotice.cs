using Dunning.Endpoints.Cases;

namespace Dunning.Endpoints.Payments;

/// <summary>A payment as the provider reports it: the case by id, or by account and invoice.</summary>
public sealed record PaymentNotice(
    string? PaymentId,
    string? CaseId,
    string? AccountId,
    string? InvoiceId,
    MoneyRequest? Amount,
    DateTimeOffset? ReceivedAt);

/// <summary>The body of the webhook's 202: what became of the payment (applied, duplicate or unmatched).</summary>
public sealed record PaymentAccepted(string PaymentId, string? CaseId, string Outcome);
