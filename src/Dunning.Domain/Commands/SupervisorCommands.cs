namespace Dunning.Domain;

/// <summary>Stop automatic escalation and contact, until <see cref="Until"/> or a resume.</summary>
public sealed record PauseCase(DateTimeOffset Now, Actor By, string Reason, DateTimeOffset? Until = null) : CaseCommand(Now), ISupervisorCommand;

/// <summary>Resume a paused (or disputed, once verified) case from where it stood.</summary>
public sealed record ResumeCase(DateTimeOffset Now, Actor By, string Reason) : CaseCommand(Now), ISupervisorCommand;

/// <summary>Take the next step now, or jump ahead to <see cref="ToStep"/>.</summary>
public sealed record EscalateCase(DateTimeOffset Now, Actor By, string Reason, string? ToStep = null) : CaseCommand(Now), ISupervisorCommand;

/// <summary>The debtor promised to pay <see cref="Amount"/> by <see cref="Date"/> (their local date).</summary>
public sealed record RecordPromise(DateTimeOffset Now, Actor By, string Reason, Money Amount, DateOnly Date) : CaseCommand(Now), ISupervisorCommand;

/// <summary>Agree a repayment plan whose installments add up to the outstanding amount.</summary>
public sealed record AgreePlan(DateTimeOffset Now, Actor By, string Reason, IReadOnlyList<Installment> Installments) : CaseCommand(Now), ISupervisorCommand;

/// <summary>Set the debtor type from willingness and ability to pay; it picks the escalation track.</summary>
public sealed record ClassifyDebtor(DateTimeOffset Now, Actor By, string Reason, Willingness Willingness, Ability Ability) : CaseCommand(Now), ISupervisorCommand;

/// <summary>Close a case that is not paid in full: settled, written off or cancelled.</summary>
public sealed record CloseCase(DateTimeOffset Now, Actor By, string Reason, ClosedReason ClosedReason) : CaseCommand(Now), ISupervisorCommand;

/// <summary>The debtor disputes the debt: all collection stops until a supervisor resumes the case.</summary>
public sealed record DisputeCase(DateTimeOffset Now, Actor By, string Reason) : CaseCommand(Now), ISupervisorCommand;

/// <summary>The debtor asked not to be contacted on <see cref="Channel"/> (e.g. an SMS "STOP").</summary>
public sealed record OptOut(DateTimeOffset Now, Actor By, string Reason, ContactChannel Channel) : CaseCommand(Now), ISupervisorCommand;

/// <summary>A collector reports what a field visit found.</summary>
public sealed record ReportVisitOutcome(
    DateTimeOffset Now,
    Actor By,
    string Reason,
    string? VisitId,
    VisitOutcome Outcome,
    Money? PromisedAmount = null,
    DateOnly? PromisedDate = null) : CaseCommand(Now), ISupervisorCommand;
