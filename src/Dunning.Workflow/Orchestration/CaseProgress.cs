namespace Dunning.Workflow;

/// <summary>The custom status a case's workflow shows to Durable's monitoring tools: where the case stands, and what
/// is waiting to be retried, and which generation of the workflow (ContinueAsNew) is running.</summary>
public sealed record CaseProgress(string Status, string Stage, int Version, DateTimeOffset? NextTimer, int Undelivered, bool Flagged, int Generation);
