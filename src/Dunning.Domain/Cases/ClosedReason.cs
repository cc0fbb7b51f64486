namespace Dunning.Domain;

/// <summary>Why a case closed: paid by the debtor, or settled, written off or cancelled by a supervisor.</summary>
public enum ClosedReason
{
    PaidInFull,
    Settled,
    WrittenOff,
    Cancelled,
}
