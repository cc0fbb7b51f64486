namespace Dunning.Domain;

public static partial class CaseDecider
{
    private static void Fire(Decision d, FireTimer c)
    {
        // A stale token (the case re-armed since) changes nothing: the runtime logs it and moves on.
        if (d.Case.Timer is not { } timer || timer.Token != c.Token)
        {
            return;
        }

        d.TimerSpent = true;
        if (c.Now < timer.DueAt)
        {
            return;
        }

        Advance(d);
    }

    /// <summary>Does everything that has come due by now, in a fixed order: pause end, promise, plan, hold, deferred
    /// contacts, then at most one ladder step (the next wake-up takes the one after).</summary>
    private static void Advance(Decision d)
    {
        if (d.Case is { Status: CaseStatus.Paused, Disputed: false, PausedUntil: { } until } && until <= d.Now)
        {
            Resumed(d, Actor.System, "the pause ended");
            Rebase(d, "resumed after a pause");
        }

        if (d.Case.Status != CaseStatus.Active)
        {
            return;
        }

        EndPromiseIfDue(d);
        CheckInstallments(d);
        if (d.Case.HoldUntil is { } hold && hold <= d.Now)
        {
            d.Emit(new EscalationHoldEnded(d.Now, "no repayment plan was agreed in time"));
            Rebase(d, "the hold for a repayment plan ended");
        }

        foreach (var pending in d.Case.PendingContacts.Where(p => p.NotBefore <= d.Now).ToList())
        {
            if (d.Case.Status == CaseStatus.Active)
            {
                Contact(d, pending.Step, pending.Action, pending.FallbackFor);
            }
        }

        if (d.Case.Status == CaseStatus.Active && !d.Case.IsHeld(d.Now)
            && Ladder.NextStep(d.Case, d.Policy, d.Zone) is { } next && next.At <= d.Now)
        {
            TakeStep(d, next.Index, next.At);
        }
    }

    private static void EndPromiseIfDue(Decision d)
    {
        if (d.Case.Promise is not { } promise || promise.HoldUntil > d.Now)
        {
            return;
        }

        if (promise.Kept)
        {
            d.Emit(new PromiseHoldEnded(d.Now));
        }
        else
        {
            d.Emit(new PromiseBroken(d.Now, promise.Amount, promise.Date, promise.Paid));
            Reclassify(d, "a promise to pay was broken");
        }

        Rebase(d, "escalation goes on after a promise to pay");
    }

    private static void CheckInstallments(Decision d)
    {
        while (d.Case.Plan is { } plan
            && Ladder.InstallmentCheck(plan.Installments[plan.NextInstallment], d.Policy, d.Zone) <= d.Now)
        {
            var index = plan.NextInstallment;
            var due = plan.DueThrough(index);
            if (plan.Paid >= due)
            {
                d.Emit(new InstallmentMet(d.Now, index, plan.Installments[index].DueDate));
                continue;
            }

            d.Emit(new InstallmentMissed(d.Now, index, plan.Installments[index].DueDate, due, plan.Paid));
            Rebase(d, "an installment of the repayment plan was missed");
        }
    }

    /// <summary>A broken promise is evidence of unwillingness: a debtor classified willing becomes unwilling.</summary>
    private static void Reclassify(Decision d, string why)
    {
        var type = d.Case.DebtorType switch
        {
            DebtorType.WillingAble => DebtorType.UnwillingAble,
            DebtorType.WillingUnable => DebtorType.UnwillingUnable,
            _ => (DebtorType?)null,
        };
        if (type is { } t)
        {
            d.Emit(new DebtorClassified(d.Now, t, Actor.System, why));
            ApplyTrack(d, t);
        }
    }

    /// <summary>After a pause or hold the ladder goes on from where it stood: when the next step's date has passed,
    /// the anchor moves so that step falls due today and later steps keep their spacing.</summary>
    private static void Rebase(Decision d, string why)
    {
        if (Ladder.NextStep(d.Case, d.Policy, d.Zone) is not { } next)
        {
            return;
        }

        var stepDate = Ladder.StepDate(d.Case, d.Policy, next.Index);
        if (stepDate < d.Today)
        {
            var shift = d.Today.DayNumber - stepDate.DayNumber;
            d.Emit(new LadderRebased(d.Now, d.Case.LadderAnchor.AddDays(shift), why));
        }
    }
}
