namespace Dunning.Domain;

/// <summary>A ladder step was taken; its contacts follow (or are deferred).</summary>
public sealed record StepReached(DateTimeOffset At, string Step, int Index, DateTimeOffset ScheduledFor) : CaseEvent(At);

/// <summary>A ladder step will not run for this case (track, jump, or opened after its date).</summary>
public sealed record StepSkipped(DateTimeOffset At, string Step, int Index, string Why) : CaseEvent(At);

/// <summary>The ladder's anchor date moved, shifting every later step (after a pause or hold, or a jump).</summary>
public sealed record LadderRebased(DateTimeOffset At, DateOnly Anchor, string Why) : CaseEvent(At);

/// <summary>Escalation waits until <paramref name="Until"/> (a willing-but-unable debtor agreeing a plan).</summary>
public sealed record EscalationHeld(DateTimeOffset At, DateTimeOffset Until, string Why) : CaseEvent(At);

public sealed record EscalationHoldEnded(DateTimeOffset At, string Why) : CaseEvent(At);

/// <summary>A hold for a repayment plan is owed but the case is paused: it starts, as <see cref="EscalationHeld"/> for
/// the policy's days, when the case resumes, so the debtor gets the whole time while the case is active.</summary>
public sealed record EscalationHoldDeferred(DateTimeOffset At, string Why) : CaseEvent(At);

/// <summary>An internal written report to the supervisor, with the claim as of today.</summary>
public sealed record SupervisorReportRequested(DateTimeOffset At, string Step, ClaimBreakdown Claim) : CaseEvent(At);
