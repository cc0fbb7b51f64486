using System.Text.Json.Serialization;

namespace Dunning.Domain;

/// <summary>A fact in a case's history. The JSON discriminator <c>type</c> is the event's name.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CaseOpened), nameof(CaseOpened))]
[JsonDerivedType(typeof(CommandRejected), nameof(CommandRejected))]
[JsonDerivedType(typeof(TimerArmed), nameof(TimerArmed))]
[JsonDerivedType(typeof(StepReached), nameof(StepReached))]
[JsonDerivedType(typeof(StepSkipped), nameof(StepSkipped))]
[JsonDerivedType(typeof(LadderRebased), nameof(LadderRebased))]
[JsonDerivedType(typeof(SmsSent), nameof(SmsSent))]
[JsonDerivedType(typeof(EmailSent), nameof(EmailSent))]
[JsonDerivedType(typeof(CallTaskCreated), nameof(CallTaskCreated))]
[JsonDerivedType(typeof(VisitScheduled), nameof(VisitScheduled))]
[JsonDerivedType(typeof(NoticeIssued), nameof(NoticeIssued))]
[JsonDerivedType(typeof(ContactDeferred), nameof(ContactDeferred))]
[JsonDerivedType(typeof(ContactSkipped), nameof(ContactSkipped))]
[JsonDerivedType(typeof(PendingContactsCancelled), nameof(PendingContactsCancelled))]
[JsonDerivedType(typeof(SupervisorReportRequested), nameof(SupervisorReportRequested))]
[JsonDerivedType(typeof(CaseHandedToLegal), nameof(CaseHandedToLegal))]
[JsonDerivedType(typeof(DeliveryConfirmed), nameof(DeliveryConfirmed))]
[JsonDerivedType(typeof(DeliveryFailed), nameof(DeliveryFailed))]
[JsonDerivedType(typeof(PaymentApplied), nameof(PaymentApplied))]
[JsonDerivedType(typeof(PaymentRejected), nameof(PaymentRejected))]
[JsonDerivedType(typeof(CreditRecorded), nameof(CreditRecorded))]
[JsonDerivedType(typeof(CaseClosed), nameof(CaseClosed))]
[JsonDerivedType(typeof(CasePaused), nameof(CasePaused))]
[JsonDerivedType(typeof(CaseResumed), nameof(CaseResumed))]
[JsonDerivedType(typeof(CaseEscalated), nameof(CaseEscalated))]
[JsonDerivedType(typeof(DisputeRaised), nameof(DisputeRaised))]
[JsonDerivedType(typeof(OptedOut), nameof(OptedOut))]
[JsonDerivedType(typeof(DebtorClassified), nameof(DebtorClassified))]
[JsonDerivedType(typeof(EscalationHeld), nameof(EscalationHeld))]
[JsonDerivedType(typeof(EscalationHoldEnded), nameof(EscalationHoldEnded))]
[JsonDerivedType(typeof(EscalationHoldDeferred), nameof(EscalationHoldDeferred))]
[JsonDerivedType(typeof(PromiseRecorded), nameof(PromiseRecorded))]
[JsonDerivedType(typeof(PromiseKept), nameof(PromiseKept))]
[JsonDerivedType(typeof(PromiseBroken), nameof(PromiseBroken))]
[JsonDerivedType(typeof(PromiseHoldEnded), nameof(PromiseHoldEnded))]
[JsonDerivedType(typeof(PlanAgreed), nameof(PlanAgreed))]
[JsonDerivedType(typeof(InstallmentMet), nameof(InstallmentMet))]
[JsonDerivedType(typeof(InstallmentMissed), nameof(InstallmentMissed))]
[JsonDerivedType(typeof(VisitReported), nameof(VisitReported))]
[JsonDerivedType(typeof(DocumentStored), nameof(DocumentStored))]
[JsonDerivedType(typeof(SupervisorAlertRaised), nameof(SupervisorAlertRaised))]
public abstract record CaseEvent(DateTimeOffset At)
{
    /// <summary>The event's name as the history shows it.</summary>
    [JsonIgnore]
    public string Type => GetType().Name;
}

/// <summary>An event a person caused: it names who and why.</summary>
public interface ISupervisorEvent
{
    Actor By { get; }

    string Reason { get; }
}
