namespace Dunning.Domain;

/// <summary>What a field visit found.</summary>
public enum VisitOutcome
{
    Met,
    NotHome,
    Refused,
    Promised,
    Moved,
}
