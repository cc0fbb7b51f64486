using System.Globalization;
using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>The one-line detail of an event for a collections manager: amounts, deadlines, where a deferred contact
/// went and why. Timer tokens are plumbing and never shown; neither are the debtor's phone, e-mail or address.</summary>
public static class EventDetail
{
    public static string? Describe(CaseEvent @event, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(@event);
        string At(DateTimeOffset instant) => TimelineFormat.LocalMinute(LocalCalendar.ToLocal(instant, zone));
        return @event switch
        {
            CaseOpened e => $"{e.AmountDue} due {TimelineFormat.Date(e.DueDate)}, policy {e.PolicyId} v{e.PolicyVersion}, locale {e.Debtor.Locale}",
            CommandRejected e => $"{e.Command} refused: {e.Why}",
            TimerArmed e => e.DueAt is { } due ? $"next wake-up {At(due)}" : "no wake-up pending",
            StepReached e => e.ScheduledFor == e.At ? $"step {e.Index + 1}" : $"step {e.Index + 1}, scheduled for {At(e.ScheduledFor)}",
            StepSkipped e => e.Why,
            LadderRebased e => $"ladder anchor now {TimelineFormat.Date(e.Anchor)}: {e.Why}",
            SmsSent e => Fallback(e.ContactId, e.FallbackFor),
            EmailSent e => Fallback(e.ContactId, e.FallbackFor),
            CallTaskCreated e => $"contact {e.ContactId}: collector call task",
            VisitScheduled e => $"contact {e.ContactId}: field visit in working hours",
            NoticeIssued e => $"{NoticeName(e.Kind)}, claim {e.Claim.Total} ({Claim(e.Claim)}), pay by {TimelineFormat.Date(e.Deadline)}",
            ContactDeferred e => $"{ActionName(e.Action)} deferred until {At(e.Until)}: {e.Why}",
            ContactSkipped e => $"{ActionName(e.Action)} skipped: {e.Why}",
            PendingContactsCancelled e => $"{e.Count} deferred contact(s) cancelled: {e.Why}",
            SupervisorReportRequested e => $"internal report, claim {e.Claim.Total} ({Claim(e.Claim)})",
            CaseHandedToLegal e => $"dossier to legal, claim {e.Claim.Total} ({Claim(e.Claim)}); contact stops",
            DeliveryConfirmed e => $"contact {e.ContactId} delivered{Suffix(e.Detail)}",
            DeliveryFailed e => $"contact {e.ContactId} failed{Suffix(e.Detail)}",
            PaymentApplied e => $"paid {e.Amount}, outstanding {e.Outstanding}",
            PaymentRejected e => $"{e.Amount} not applied: {e.Why}",
            CreditRecorded e => $"overpaid: credit {e.Credit}",
            CaseClosed e => $"{e.ClosedReason}: {e.Reason}",
            CasePaused e => e.Until is { } until ? $"until {At(until)}: {e.Reason}" : e.Reason,
            CaseResumed e => e.Reason,
            CaseEscalated e => $"to {e.ToStep}: {e.Reason}",
            DisputeRaised e => e.Reason,
            OptedOut e => e.Reason,
            DebtorClassified e => $"{e.DebtorType}: {e.Reason}",
            EscalationHeld e => $"until {At(e.Until)}: {e.Why}",
            EscalationHoldEnded e => e.Why,
            EscalationHoldDeferred e => e.Why,
            PromiseRecorded e => $"{e.Amount} by {TimelineFormat.Date(e.Date)}, escalation held until {At(e.HoldUntil)}",
            PromiseKept e => $"{e.Amount} paid as promised",
            PromiseBroken e => $"{e.Amount} promised by {TimelineFormat.Date(e.Date)}, {e.Paid} paid; escalation resumes",
            PromiseHoldEnded => "the promise was kept but a balance is left; escalation goes on",
            PlanAgreed e => $"{e.Installments.Count} installment(s): {e.Reason}",
            InstallmentMet e => $"installment {e.Index + 1} due {TimelineFormat.Date(e.DueDate)} met",
            InstallmentMissed e => $"installment {e.Index + 1} due {TimelineFormat.Date(e.DueDate)} missed: {e.Paid} of {e.Due} paid",
            VisitReported e => $"{e.Outcome}: {e.Reason}",
            _ => null,
        };
    }

    private static string Fallback(string contactId, string? fallbackFor) =>
        fallbackFor is null ? $"contact {contactId}" : $"contact {contactId}, fallback for {fallbackFor}";

    private static string Suffix(string? detail) => detail is null ? "" : $": {detail}";

    private static string Claim(ClaimBreakdown claim) =>
        $"principal {Plain(claim.Principal)}, interest {Plain(claim.PenaltyInterest)}, fees {Plain(claim.Fees)}";

    private static string Plain(Money money) =>
        money.Amount.ToString("F" + Currencies.MinorUnits(money.Currency), CultureInfo.InvariantCulture);

    private static string NoticeName(StepAction kind) => kind switch
    {
        StepAction.DemandNotice => "demand notice",
        StepAction.LawyerLetter => "lawyer's letter",
        _ => kind.ToString(),
    };

    private static string ActionName(StepAction action) => action switch
    {
        StepAction.DemandNotice or StepAction.LawyerLetter => NoticeName(action),
        _ => action.ToString().ToLowerInvariant(),
    };
}
