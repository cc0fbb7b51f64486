using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>A payment applied to a case, indexed by payment id for duplicate detection across cases.</summary>
public sealed record PaymentRecord(string PaymentId, string CaseId, Money Amount, DateTimeOffset At);
