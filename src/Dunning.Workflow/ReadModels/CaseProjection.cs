using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>The read-model update of one commit: the case's index entry (and the row to remove when its status
/// changed), payments applied, and the campaign that opened it. Applying it twice is harmless.</summary>
public sealed record CaseProjection(
    CaseIndexEntry Entry,
    CaseStatus? PreviousStatus,
    IReadOnlyList<PaymentRecord> Payments,
    string? OpenedByCampaign);
