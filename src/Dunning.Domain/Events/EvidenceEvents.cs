namespace Dunning.Domain;

/// <summary>A document was stored at <paramref name="Location"/> with SHA-256 <paramref name="Sha256"/>.</summary>
public sealed record DocumentStored(DateTimeOffset At, DocumentKind Kind, string? ContactId, string Location, string Sha256) : CaseEvent(At);

/// <summary>A supervisor should look at the case.</summary>
public sealed record SupervisorAlertRaised(DateTimeOffset At, string Subject, string Why) : CaseEvent(At);
