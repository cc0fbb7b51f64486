namespace Dunning.Domain;

/// <summary>A case was opened under a pinned policy version.</summary>
public sealed record CaseOpened(
    DateTimeOffset At,
    string CaseId,
    string AccountId,
    string InvoiceId,
    Debtor Debtor,
    Money AmountDue,
    DateOnly DueDate,
    string PolicyId,
    int PolicyVersion,
    Actor By,
    string? CampaignId) : CaseEvent(At);

/// <summary>A command that did not fit the case, kept so a supervisor sees it was asked and why it was refused.</summary>
public sealed record CommandRejected(DateTimeOffset At, string Command, string Why, Actor By, string? Reason) : CaseEvent(At), ISupervisorEvent
{
    string ISupervisorEvent.Reason => Reason ?? Why;
}

/// <summary>The case expects its next wake-up at <paramref name="DueAt"/>; earlier tokens are now stale.
/// A null <paramref name="DueAt"/> means no timer is pending.</summary>
public sealed record TimerArmed(DateTimeOffset At, string Token, DateTimeOffset? DueAt) : CaseEvent(At);

public sealed record CaseClosed(DateTimeOffset At, ClosedReason ClosedReason, Actor By, string Reason) : CaseEvent(At), ISupervisorEvent;

public sealed record CasePaused(DateTimeOffset At, Actor By, string Reason, DateTimeOffset? Until) : CaseEvent(At), ISupervisorEvent;

public sealed record CaseResumed(DateTimeOffset At, Actor By, string Reason) : CaseEvent(At), ISupervisorEvent;

/// <summary>A supervisor asked for the next step now or a jump ahead; the step itself follows as <see cref="StepReached"/>.</summary>
public sealed record CaseEscalated(DateTimeOffset At, Actor By, string Reason, string ToStep) : CaseEvent(At), ISupervisorEvent;

/// <summary>The debtor disputes the debt: collection stops until a supervisor resumes.</summary>
public sealed record DisputeRaised(DateTimeOffset At, Actor By, string Reason) : CaseEvent(At), ISupervisorEvent;

public sealed record OptedOut(DateTimeOffset At, ContactChannel Channel, Actor By, string Reason) : CaseEvent(At), ISupervisorEvent;

public sealed record DebtorClassified(DateTimeOffset At, DebtorType DebtorType, Actor By, string Reason) : CaseEvent(At), ISupervisorEvent;

/// <summary>The case was handed to legal: the dossier goes out and automated contact stops for good.</summary>
public sealed record CaseHandedToLegal(DateTimeOffset At, string Step, ClaimBreakdown Claim) : CaseEvent(At);
