namespace Dunning.Domain;

public static partial class CaseDecider
{
    private static void Pause(Decision d, PauseCase c)
    {
        if (d.Case.Status != CaseStatus.Active)
        {
            d.Reject($"Only an active case can be paused; this one is {d.Case.Status}.");
        }
        else if (c.Until is { } until && until <= c.Now)
        {
            d.Reject("A pause must end in the future.");
        }
        else
        {
            d.Emit(new CasePaused(c.Now, c.By, c.Reason, c.Until));
        }
    }

    private static void Resume(Decision d, ResumeCase c)
    {
        if (d.Case.Status != CaseStatus.Paused)
        {
            d.Reject($"Only a paused case can be resumed; this one is {d.Case.Status}.");
            return;
        }

        Resumed(d, c.By, c.Reason);
        Rebase(d, "resumed by a supervisor");
        Advance(d);
    }

    private static void Escalate(Decision d, EscalateCase c)
    {
        var s = d.Case;
        if (s.Status != CaseStatus.Active)
        {
            d.Reject($"Only an active case can be escalated; this one is {s.Status}.");
            return;
        }

        if (s.Promise is not null || s.Plan is not null)
        {
            d.Reject("A promise to pay or a repayment plan holds this case; it must end before escalation.");
            return;
        }

        int index;
        if (c.ToStep is { } toStep)
        {
            index = d.Policy.IndexOf(toStep);
            if (index < 0)
            {
                d.Reject($"Policy {d.Policy.Id} v{d.Policy.Version} has no step '{toStep}'.");
                return;
            }

            if (index < s.NextStepIndex)
            {
                d.Reject($"The case is already past '{toStep}' (stage {s.Stage}).");
                return;
            }
        }
        else if (Ladder.NextStep(s, d.Policy, d.Zone) is { } next)
        {
            index = next.Index;
        }
        else
        {
            d.Reject("The ladder has no step left.");
            return;
        }

        d.Emit(new CaseEscalated(c.Now, c.By, c.Reason, d.Policy.Steps[index].Name));
        if (d.Case.HoldUntil is not null)
        {
            d.Emit(new EscalationHoldEnded(c.Now, "escalated by a supervisor"));
        }

        // Later steps keep their spacing from the step taken now.
        var anchor = d.Today.AddDays(-Ladder.OffsetDays(d.Case, d.Policy, index));
        if (anchor != d.Case.LadderAnchor)
        {
            d.Emit(new LadderRebased(c.Now, anchor, $"escalated to {d.Policy.Steps[index].Name}"));
        }

        TakeStep(d, index, c.Now, "jumped over by a supervisor");
    }

    private static void Promise(Decision d, RecordPromise c)
    {
        if (PromiseProblem(d, c.Amount, c.Date) is { } problem)
        {
            d.Reject(problem);
            return;
        }

        RecordPromiseOf(d, c.Amount, c.Date, c.By, c.Reason);
    }

    private static void RecordPromiseOf(Decision d, Money amount, DateOnly date, Actor by, string reason)
    {
        var holdUntil = LocalCalendar.At(date.AddDays(d.Policy.Promise.GraceDays + 1), TimeOnly.MinValue, d.Zone);
        d.Emit(new PromiseRecorded(d.Now, amount, date, holdUntil, by, reason));
    }

    private static string? PromiseProblem(Decision d, Money amount, DateOnly date)
    {
        var s = d.Case;
        if (!s.IsOpen)
        {
            return $"A promise needs an open case; this one is {s.Status}.";
        }

        if (s.Disputed)
        {
            return "The debt is disputed; a promise to pay it waits until the dispute is resolved.";
        }

        if (s.Plan is not null)
        {
            return "A repayment plan is running; a promise cannot replace it.";
        }

        if (amount.Currency != s.Outstanding.Currency || !amount.IsPositive)
        {
            return $"A promise must be a positive amount in {s.Outstanding.Currency}.";
        }

        if (amount > s.Outstanding)
        {
            return $"A promise of {amount} exceeds the outstanding {s.Outstanding}.";
        }

        if (date < d.Today || date > d.Today.AddDays(d.Policy.Promise.MaxDaysAhead))
        {
            return $"A promise date must fall between {d.Today:yyyy-MM-dd} and {d.Today.AddDays(d.Policy.Promise.MaxDaysAhead):yyyy-MM-dd}.";
        }

        return null;
    }

    private static void Plan(Decision d, AgreePlan c)
    {
        if (PlanProblem(d, c.Installments) is { } problem)
        {
            d.Reject(problem);
            return;
        }

        if (d.Case.Promise is not null)
        {
            d.Emit(new PromiseHoldEnded(c.Now));
        }

        d.Emit(new PlanAgreed(c.Now, c.Installments, c.By, c.Reason));
    }

    private static string? PlanProblem(Decision d, IReadOnlyList<Installment> installments)
    {
        var s = d.Case;
        if (!s.IsOpen)
        {
            return $"A repayment plan needs an open case; this one is {s.Status}.";
        }

        if (installments.Count == 0)
        {
            return "A repayment plan needs at least one installment.";
        }

        var total = Money.Zero(s.Outstanding.Currency);
        var previous = d.Today.AddDays(-1);
        foreach (var installment in installments)
        {
            if (installment.Amount.Currency != s.Outstanding.Currency || !installment.Amount.IsPositive)
            {
                return $"Every installment must be a positive amount in {s.Outstanding.Currency}.";
            }

            if (installment.DueDate <= previous)
            {
                return "Installment dates must be today or later and strictly increasing.";
            }

            previous = installment.DueDate;
            total += installment.Amount;
        }

        if (total != s.Outstanding)
        {
            return $"Installments add up to {total} but {s.Outstanding} is outstanding.";
        }

        var limit = d.Today.AddMonths(d.Policy.Plan.MaxMonths);
        return previous > limit
            ? $"A plan may run at most {d.Policy.Plan.MaxMonths} months (until {limit:yyyy-MM-dd}); recovery beyond that is not plausible."
            : null;
    }

    private static void Classify(Decision d, ClassifyDebtor c)
    {
        if (!d.Case.IsOpen)
        {
            d.Reject($"Only an open case can be classified; this one is {d.Case.Status}.");
            return;
        }

        var type = (c.Willingness, c.Ability) switch
        {
            (Willingness.Willing, Ability.Able) => DebtorType.WillingAble,
            (Willingness.Willing, Ability.Unable) => DebtorType.WillingUnable,
            (Willingness.Unwilling, Ability.Able) => DebtorType.UnwillingAble,
            _ => DebtorType.UnwillingUnable,
        };
        d.Emit(new DebtorClassified(c.Now, type, c.By, c.Reason));
        ApplyTrack(d, type);
    }

    /// <summary>A track may jump the ladder ahead (unwilling and unable: straight to legal) or hold it for a plan.</summary>
    private static void ApplyTrack(Decision d, DebtorType type)
    {
        var track = d.Policy.TrackFor(type);
        if (track.JumpTo is { } jumpTo && d.Policy.IndexOf(jumpTo) is var index and >= 0 && index >= d.Case.NextStepIndex)
        {
            var anchor = d.Today.AddDays(-Ladder.OffsetDays(d.Case, d.Policy, index));
            if (anchor < d.Case.LadderAnchor)
            {
                d.Emit(new LadderRebased(d.Now, anchor, $"the {type} track goes straight to {jumpTo}"));
            }
        }

        if (!track.HoldForPlan || d.Case.Plan is not null)
        {
            return;
        }

        if (d.Case.Status == CaseStatus.Active)
        {
            HoldForPlan(d);
        }
        else if (!d.Case.HoldOnResume)
        {
            d.Emit(new EscalationHoldDeferred(d.Now, "a willing but unable debtor gets time to agree a repayment plan once the case resumes"));
        }
    }

    private static void HoldForPlan(Decision d) =>
        d.Emit(new EscalationHeld(d.Now, d.Now.AddDays(d.Policy.Plan.HoldForPlanDays), "a willing but unable debtor gets time to agree a repayment plan"));

    /// <summary>The case is active again; a hold for a plan owed since a classification during the pause starts now.</summary>
    private static void Resumed(Decision d, Actor by, string reason)
    {
        d.Emit(new CaseResumed(d.Now, by, reason));
        if (d.Case.HoldOnResume && d.Case.Plan is null)
        {
            HoldForPlan(d);
        }
    }

    private static void Close(Decision d, CloseCase c)
    {
        if (d.Case.Status == CaseStatus.Closed)
        {
            d.Reject($"The case is already closed ({d.Case.ClosedReason}).");
            return;
        }

        if (c.ClosedReason == ClosedReason.PaidInFull)
        {
            d.Reject("PaidInFull is set by payments, not by hand; use Settled for an agreed lesser sum.");
            return;
        }

        CancelPending(d, "the case was closed");
        d.Emit(new CaseClosed(c.Now, c.ClosedReason, c.By, c.Reason));
    }

    private static void Dispute(Decision d, DisputeCase c)
    {
        if (!d.Case.IsOpen || d.Case.Disputed)
        {
            d.Reject(d.Case.Disputed ? "The case is already disputed." : $"A closed case cannot be disputed; this one is {d.Case.Status}.");
            return;
        }

        d.Emit(new DisputeRaised(c.Now, c.By, c.Reason));
    }

    private static void OptOutOf(Decision d, OptOut c)
    {
        if (d.Case.OptOuts.Contains(c.Channel))
        {
            return;
        }

        var pending = d.Case.PendingContacts.Where(p => p.Action is not (StepAction.Report or StepAction.Legal) && ChannelOf(p.Action) == c.Channel).ToList();
        d.Emit(new OptedOut(c.Now, c.Channel, c.By, c.Reason));
        foreach (var p in pending)
        {
            d.Emit(new ContactSkipped(c.Now, p.Step, p.Action, $"the debtor opted out of {c.Channel.ToString().ToLowerInvariant()}"));
        }
    }
}
