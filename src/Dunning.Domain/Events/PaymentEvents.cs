namespace Dunning.Domain;

/// <summary>A payment lowered the outstanding amount to <paramref name="Outstanding"/> (negative means credit).</summary>
public sealed record PaymentApplied(DateTimeOffset At, string PaymentId, Money Amount, Money Outstanding, DateTimeOffset? ReceivedAt) : CaseEvent(At);

/// <summary>A payment that cannot be applied (wrong currency, not positive); kept so no money goes unaccounted.</summary>
public sealed record PaymentRejected(DateTimeOffset At, string PaymentId, Money Amount, string Why) : CaseEvent(At);

/// <summary>The debtor paid more than owed; the excess is a credit to refund or apply elsewhere.</summary>
public sealed record CreditRecorded(DateTimeOffset At, string PaymentId, Money Credit) : CaseEvent(At);

public sealed record PromiseRecorded(DateTimeOffset At, Money Amount, DateOnly Date, DateTimeOffset HoldUntil, Actor By, string Reason)
    : CaseEvent(At), ISupervisorEvent;

/// <summary>Payments since the promise reached the promised amount in time.</summary>
public sealed record PromiseKept(DateTimeOffset At, Money Amount) : CaseEvent(At);

/// <summary>The promised date and grace passed without the promised amount: evidence of unwillingness.</summary>
public sealed record PromiseBroken(DateTimeOffset At, Money Amount, DateOnly Date, Money Paid) : CaseEvent(At);

/// <summary>A kept promise's hold ran out with a balance left; escalation goes on from where it stood.</summary>
public sealed record PromiseHoldEnded(DateTimeOffset At) : CaseEvent(At);

public sealed record PlanAgreed(DateTimeOffset At, IReadOnlyList<Installment> Installments, Actor By, string Reason)
    : CaseEvent(At), ISupervisorEvent;

public sealed record InstallmentMet(DateTimeOffset At, int Index, DateOnly DueDate) : CaseEvent(At);

/// <summary>An installment's date and grace passed unpaid: the plan ends and escalation re-opens where it stood.</summary>
public sealed record InstallmentMissed(DateTimeOffset At, int Index, DateOnly DueDate, Money Due, Money Paid) : CaseEvent(At);
