namespace Dunning.Domain;

public static partial class CaseDecider
{
    /// <summary>A delivery report is applied once per contact; a failed SMS falls back to e-mail and a failed e-mail
    /// to SMS, once (a fallback's own failure ends there), unless the step already used that channel. On a paused case
    /// the fallback waits, deferred, and goes out when the case resumes.</summary>
    private static void Delivery(Decision d, ReportDelivery c)
    {
        var record = d.Case.Contacts.FirstOrDefault(x => x.ContactId == c.ContactId);
        if (record?.Delivered is not null)
        {
            return;
        }

        if (c.Succeeded)
        {
            d.Emit(new DeliveryConfirmed(c.Now, c.ContactId, c.Channel, c.Detail));
            return;
        }

        d.Emit(new DeliveryFailed(c.Now, c.ContactId, c.Channel, c.Detail));
        if (record is null || record.FallbackFor is not null || !d.Case.IsOpen)
        {
            return;
        }

        var fallback = record.Channel switch
        {
            ContactChannel.Sms => StepAction.Email,
            ContactChannel.Email => StepAction.Sms,
            _ => (StepAction?)null,
        };
        // No fallback when the step already reached the debtor on the other channel: one message per channel a step.
        if (fallback is { } action && MissingRoute(d.Case, ChannelOf(action)) is null
            && !d.Case.Contacts.Any(x => x.Step == record.Step && x.Channel == ChannelOf(action) && x.Delivered != false)
            && !d.Case.PendingContacts.Any(p => p.Step == record.Step && p.Action == action))
        {
            if (d.Case.Status == CaseStatus.Active)
            {
                Contact(d, record.Step, action, record.ContactId);
            }
            else
            {
                // Due at once: a paused case runs no contact, and the first one it runs once active again is this.
                d.Emit(new ContactDeferred(d.Now, record.Step, action, d.Now, "the case is paused; the fallback goes out when it resumes", record.ContactId));
            }
        }
    }

    private static void Visit(Decision d, ReportVisitOutcome c)
    {
        d.Emit(new VisitReported(c.Now, c.VisitId, c.Outcome, c.By, c.Reason));
        if (c.Outcome != VisitOutcome.Promised)
        {
            return;
        }

        if (c.PromisedAmount is not { } amount || c.PromisedDate is not { } date)
        {
            d.Reject("A visit that ended in a promise needs the promised amount and date.");
        }
        else if (PromiseProblem(d, amount, date) is { } problem)
        {
            d.Reject(problem);
        }
        else
        {
            RecordPromiseOf(d, amount, date, c.By, c.Reason);
        }
    }

    /// <summary>Evidence from a channel. A retried report reuses its inbox message id, so the runtime's marker keeps it
    /// from being recorded twice.</summary>
    private static void Document(Decision d, RecordDocument c)
    {
        d.Emit(new DocumentStored(c.Now, c.Kind, c.ContactId, c.Location, c.Sha256));
    }
}
