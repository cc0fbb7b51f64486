namespace Dunning.Domain;

/// <summary>A contact with the debtor. Its <see cref="At"/> is always inside the lawful window for its channel.</summary>
public abstract record ContactEvent(DateTimeOffset At, string ContactId, string Step, ContactChannel Channel) : CaseEvent(At);

public sealed record SmsSent(DateTimeOffset At, string ContactId, string Step, string? FallbackFor)
    : ContactEvent(At, ContactId, Step, ContactChannel.Sms);

public sealed record EmailSent(DateTimeOffset At, string ContactId, string Step, string? FallbackFor)
    : ContactEvent(At, ContactId, Step, ContactChannel.Email);

/// <summary>A collector is asked to call the debtor, starting now (inside the window).</summary>
public sealed record CallTaskCreated(DateTimeOffset At, string ContactId, string Step)
    : ContactEvent(At, ContactId, Step, ContactChannel.Call);

/// <summary>A field visit is scheduled for today's working hours.</summary>
public sealed record VisitScheduled(DateTimeOffset At, string ContactId, string Step, string? Address)
    : ContactEvent(At, ContactId, Step, ContactChannel.Visit);

/// <summary>A written notice (demand notice, lawyer's letter) with the claim broken down and a payment deadline.</summary>
public sealed record NoticeIssued(DateTimeOffset At, string ContactId, string Step, StepAction Kind, DateOnly Deadline, ClaimBreakdown Claim)
    : ContactEvent(At, ContactId, Step, ContactChannel.Letter);

/// <summary>A contact could not happen now (quiet hours, visit hours, a cap) and will at <paramref name="Until"/>.</summary>
public sealed record ContactDeferred(DateTimeOffset At, string Step, StepAction Action, DateTimeOffset Until, string Why, string? FallbackFor = null) : CaseEvent(At);

/// <summary>A contact will not happen at all (opted out, no phone, no address); recorded so the gap is visible.</summary>
public sealed record ContactSkipped(DateTimeOffset At, string Step, StepAction Action, string Why) : CaseEvent(At);

/// <summary>Deferred contacts dropped because the case closed, paid or went to legal.</summary>
public sealed record PendingContactsCancelled(DateTimeOffset At, int Count, string Why) : CaseEvent(At);

public sealed record DeliveryConfirmed(DateTimeOffset At, string ContactId, ContactChannel Channel, string? Detail) : CaseEvent(At);

public sealed record DeliveryFailed(DateTimeOffset At, string ContactId, ContactChannel Channel, string? Detail) : CaseEvent(At);

public sealed record VisitReported(
    DateTimeOffset At,
    string? VisitId,
    VisitOutcome Outcome,
    Actor By,
    string Reason) : CaseEvent(At), ISupervisorEvent;
