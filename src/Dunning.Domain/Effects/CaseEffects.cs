namespace Dunning.Domain;

/// <summary>Derives what the runtime must do from a committed decision: the events say what happened, the new state
/// supplies the addresses and amounts to do it with.</summary>
public static class CaseEffects
{
    public static IReadOnlyList<CaseEffect> Derive(CaseState? before, CaseState? after, IReadOnlyList<CaseEvent> events)
    {
        if (after is null)
        {
            return [];
        }

        var effects = new List<CaseEffect>();
        foreach (var @event in events)
        {
            if (For(after, @event) is { } effect)
            {
                effects.Add(effect);
            }
        }

        // Only the last timer of a decision matters: earlier tokens are stale by the time it commits.
        var lastTimer = effects.OfType<ArmTimer>().LastOrDefault();
        effects.RemoveAll(e => e is ArmTimer && !ReferenceEquals(e, lastTimer));
        if (before is { Status: CaseStatus.Active or CaseStatus.Paused } && !after.IsOpen)
        {
            effects.Add(new CancelOpenWork(after.Status == CaseStatus.HandedToLegal ? "handed to legal" : $"closed: {after.ClosedReason}"));
        }

        return effects;
    }

    private static CaseEffect? For(CaseState s, CaseEvent @event)
    {
        var facts = new MessageFacts(s.CaseId, s.AccountId, s.InvoiceId, s.Debtor.Name, s.Debtor.Locale, s.Debtor.TimeZone,
            s.Outstanding, s.DueDate, s.Stage);
        return @event switch
        {
            TimerArmed { DueAt: { } due } t => new ArmTimer(t.Token, due),
            SmsSent e => new SendSms(e.ContactId, e.Step, s.Debtor.Phone!, facts, e.FallbackFor),
            EmailSent e => new SendEmail(e.ContactId, e.Step, s.Debtor.Email!, facts, e.FallbackFor),
            CallTaskCreated e => new CreateCallTask(e.ContactId, e.Step, s.Debtor.Phone!, e.At, facts),
            VisitScheduled e => new ScheduleVisit(e.ContactId, e.Step, e.Address, LocalDate(s, e.At), e.At, facts),
            NoticeIssued e => new SendNotice(e.ContactId, e.Step, e.Kind, e.Deadline, e.Claim,
                s.OptOuts.Contains(ContactChannel.Email) ? null : s.Debtor.Email, s.AddressInvalid ? null : s.Debtor.Address, facts),
            SupervisorReportRequested e => new ReportToSupervisor(e.Step, e.Claim, facts),
            CaseHandedToLegal e => new HandOffToLegal(e.Step, e.Claim, facts),
            _ => null,
        };
    }

    private static DateOnly LocalDate(CaseState s, DateTimeOffset at) => LocalCalendar.DateOf(at, s.Debtor.Zone);
}
