using System.Collections.Immutable;

namespace Dunning.Domain;

/// <summary>Evolve: the one place a case's state changes. Total over every event; it decides nothing.</summary>
public static class CaseEvolution
{
    public static CaseState? Replay(IEnumerable<CaseEvent> history) =>
        history.Aggregate((CaseState?)null, Evolve);

    public static CaseState? Evolve(CaseState? state, CaseEvent @event)
    {
        if (state is null)
        {
            return @event is CaseOpened opened ? Opened(opened) : null;
        }

        var next = Apply(state, @event);
        return next with { Version = state.Version + 1 };
    }

    private static CaseState Opened(CaseOpened e) => new()
    {
        CaseId = e.CaseId,
        AccountId = e.AccountId,
        InvoiceId = e.InvoiceId,
        Debtor = e.Debtor,
        PolicyId = e.PolicyId,
        PolicyVersion = e.PolicyVersion,
        DueDate = e.DueDate,
        AmountDue = e.AmountDue,
        Outstanding = e.AmountDue,
        Recovered = Money.Zero(e.AmountDue.Currency),
        OpenedAt = e.At,
        CampaignId = e.CampaignId,
        LadderAnchor = e.DueDate,
        Balances = [new BalanceChange(e.DueDate, e.AmountDue)],
        Version = 1,
    };

    private static CaseState Apply(CaseState s, CaseEvent @event) => @event switch
    {
        CaseOpened or CommandRejected or CaseEscalated or PaymentRejected or CreditRecorded
            or SupervisorReportRequested or DocumentStored or SupervisorAlertRaised => s,
        TimerArmed e => s with
        {
            Timer = e.DueAt is { } due ? new PendingTimer(e.Token, due) : null,
            TimerSeq = s.TimerSeq + 1,
        },
        StepReached e => s with { Stage = e.Step, NextStepIndex = e.Index + 1 },
        StepSkipped e => s with { NextStepIndex = e.Index + 1 },
        LadderRebased e => s with { LadderAnchor = e.Anchor },
        ContactEvent e => Contacted(s, e),
        ContactDeferred e => s with
        {
            PendingContacts = Without(s.PendingContacts, e.Step, e.Action)
                .Add(new PendingContact(e.Step, e.Action, e.Until, e.FallbackFor)),
        },
        ContactSkipped e => s with { PendingContacts = Without(s.PendingContacts, e.Step, e.Action) },
        PendingContactsCancelled => s with { PendingContacts = [] },
        CaseHandedToLegal => s with
        {
            Status = CaseStatus.HandedToLegal, Stage = "legal-handoff", PendingContacts = [], Promise = null, Plan = null, HoldUntil = null, HoldOnResume = false,
        },
        DeliveryConfirmed e => Delivered(s, e.ContactId, true) with
        {
            LastConversation = e.Channel == ContactChannel.Call ? e.At : s.LastConversation,
        },
        DeliveryFailed e => Delivered(s, e.ContactId, false),
        PaymentApplied e => Paid(s, e),
        CaseClosed e => s with
        {
            Status = CaseStatus.Closed, ClosedReason = e.ClosedReason, PendingContacts = [], PausedUntil = null, Promise = null, Plan = null,
            HoldUntil = null, HoldOnResume = false,
        },
        CasePaused e => s with { Status = CaseStatus.Paused, PausedUntil = e.Until },
        CaseResumed => s with { Status = CaseStatus.Active, PausedUntil = null, Disputed = false },
        DisputeRaised => s with { Status = CaseStatus.Paused, Disputed = true, PausedUntil = null },
        OptedOut e => s with { OptOuts = s.OptOuts.Add(e.Channel) },
        DebtorClassified e => s with { DebtorType = e.DebtorType },
        EscalationHeld e => s with { HoldUntil = e.Until, HoldOnResume = false },
        EscalationHoldEnded => s with { HoldUntil = null },
        EscalationHoldDeferred => s with { HoldOnResume = true },
        PromiseRecorded e => s with { Promise = new PromiseToPay(e.Amount, e.Date, e.HoldUntil, Money.Zero(e.Amount.Currency), Kept: false) },
        PromiseKept => s with { Promise = s.Promise is { } p ? p with { Kept = true } : null, PromisesKept = s.PromisesKept + 1 },
        PromiseBroken => s with { Promise = null, BrokenPromises = s.BrokenPromises + 1 },
        PromiseHoldEnded => s with { Promise = null },
        PlanAgreed e => s with { Plan = new RepaymentPlan(e.Installments, Money.Zero(s.Outstanding.Currency), 0), HoldUntil = null, HoldOnResume = false },
        InstallmentMet e => s with
        {
            Plan = s.Plan is { } plan && e.Index + 1 < plan.Installments.Count ? plan with { NextInstallment = e.Index + 1 } : null,
        },
        InstallmentMissed => s with { Plan = null },
        VisitReported e => e.Outcome == VisitOutcome.Moved ? s with { AddressInvalid = true } : s,
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown case event."),
    };

    private static CaseState Contacted(CaseState s, ContactEvent e) => s with
    {
        ContactSeq = s.ContactSeq + 1,
        Contacts = s.Contacts.Add(new ContactRecord(e.ContactId, e.Channel, e.Step, e.At, FallbackOf(e))),
        PendingContacts = Without(s.PendingContacts, e.Step, ActionOf(e)),
    };

    private static CaseState Delivered(CaseState s, string contactId, bool delivered)
    {
        var index = s.Contacts.FindIndex(c => c.ContactId == contactId);
        return index < 0 ? s : s with { Contacts = s.Contacts.SetItem(index, s.Contacts[index] with { Delivered = delivered }) };
    }

    private static CaseState Paid(CaseState s, PaymentApplied e)
    {
        var received = e.ReceivedAt is { } r && r < e.At ? r : e.At;
        var paidOn = LocalCalendar.DateOf(received, s.Debtor.Zone);
        // Interest stops counting on the day the money was received, not when the report was processed; the timeline
        // counts overdue principal, so a payment before the due date lowers it from the due date on.
        var date = paidOn > s.Balances[^1].Date ? paidOn : s.Balances[^1].Date;
        return s with
        {
            Outstanding = e.Outstanding,
            Recovered = s.Recovered + e.Amount,
            PaymentIds = s.PaymentIds.Add(e.PaymentId),
            Balances = s.Balances.Add(new BalanceChange(date, e.Outstanding.IsNegative ? Money.Zero(e.Outstanding.Currency) : e.Outstanding)),
            Promise = s.Promise is { } p ? p with { Paid = p.Paid + e.Amount } : null,
            Plan = s.Plan is { } plan ? plan with { Paid = plan.Paid + e.Amount } : null,
        };
    }

    private static string? FallbackOf(ContactEvent e) => e switch
    {
        SmsSent sms => sms.FallbackFor,
        EmailSent email => email.FallbackFor,
        _ => null,
    };

    private static StepAction ActionOf(ContactEvent e) => e switch
    {
        SmsSent => StepAction.Sms,
        EmailSent => StepAction.Email,
        CallTaskCreated => StepAction.Call,
        VisitScheduled => StepAction.Visit,
        NoticeIssued n => n.Kind,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private static ImmutableList<PendingContact> Without(
        ImmutableList<PendingContact> pending, string step, StepAction action) =>
        pending.RemoveAll(p => p.Step == step && p.Action == action);
}
