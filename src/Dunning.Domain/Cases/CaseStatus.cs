namespace Dunning.Domain;

/// <summary>Where a case stands. Only an active case escalates or contacts the debtor.</summary>
public enum CaseStatus
{
    Active,
    Paused,
    Closed,
    HandedToLegal,
}
