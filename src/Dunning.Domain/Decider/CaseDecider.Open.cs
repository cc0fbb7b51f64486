namespace Dunning.Domain;

public static partial class CaseDecider
{
    private static void Open(Decision d, OpenCase c)
    {
        if (d.State is { } existing)
        {
            // Business idempotency: the same account and invoice open one case; a conflicting request is recorded.
            if (existing.AmountDue != c.AmountDue || existing.DueDate != c.DueDate)
            {
                d.Reject($"Case already open for {c.AccountId}/{c.InvoiceId} with {existing.AmountDue} due {existing.DueDate:yyyy-MM-dd}.");
            }

            return;
        }

        if (OpenProblem(d.Policy, c) is { } problem)
        {
            d.Reject(problem);
            return;
        }

        d.Emit(new CaseOpened(c.Now, c.CaseId, c.AccountId, c.InvoiceId, c.Debtor, c.AmountDue, c.DueDate,
            d.Policy.Id, d.Policy.Version, c.By, c.CampaignId));

        StartLate(d, c.Now);
    }

    /// <summary>A case opened after some of its ladder dates starts where a collector would: reminders dated before
    /// today are skipped (a step dated today still runs now), and when overdue steps have passed, the overdue ladder
    /// starts today from its first step with its spacing kept. No debtor gets a burst of stale reminders, and none is
    /// handed to legal or sent a lawyer's letter without the earlier notices.</summary>
    private static void StartLate(Decision d, DateTimeOffset now)
    {
        while (Ladder.NextStep(d.Case, d.Policy, d.Zone) is { } next && next.At <= now)
        {
            var step = d.Policy.Steps[next.Index];
            if (Ladder.StepDate(d.Case, d.Policy, next.Index) == d.Today)
            {
                var after = d.Case with { NextStepIndex = next.Index + 1 };
                if (Ladder.NextStep(after, d.Policy, d.Zone) is not { } following || following.At > now)
                {
                    return;
                }

                d.Emit(new StepSkipped(now, step.Name, next.Index, "the case was opened after its date"));
            }
            else if (Ladder.OffsetDays(d.Case, d.Policy, next.Index) <= 0)
            {
                d.Emit(new StepSkipped(now, step.Name, next.Index, "the case was opened after its date"));
            }
            else
            {
                var daysPastDue = d.Today.DayNumber - d.Case.DueDate.DayNumber;
                Rebase(d, $"the case was opened {daysPastDue} days past due; the overdue ladder starts today");
                return;
            }
        }
    }

    private static string? OpenProblem(EscalationPolicy policy, OpenCase c)
    {
        if (!Currencies.IsKnown(c.AmountDue.Currency))
        {
            return $"Unknown currency '{c.AmountDue.Currency}'.";
        }

        if (!c.AmountDue.IsPositive)
        {
            return "The amount due must be positive.";
        }

        if (!LocalCalendar.TryFindZone(c.Debtor.TimeZone, out _))
        {
            return $"Unknown time zone '{c.Debtor.TimeZone}'.";
        }

        if (string.IsNullOrWhiteSpace(c.Debtor.Phone) && string.IsNullOrWhiteSpace(c.Debtor.Email))
        {
            return "The debtor needs at least one contact channel (phone or e-mail).";
        }

        return c.PolicyId != policy.Id || c.PolicyVersion != policy.Version
            ? $"Policy {c.PolicyId} v{c.PolicyVersion} was asked for but {policy.Id} v{policy.Version} was given."
            : null;
    }
}
