namespace Dunning.Workflow;

/// <summary>How a generation of a case's workflow ended: the case's status and version then, and why it ended
/// (finished: closed or with legal and nothing left to do; continued as new; no such case).</summary>
public sealed record CaseOutcome(string CaseId, string? Status, int Version, string Ended);
