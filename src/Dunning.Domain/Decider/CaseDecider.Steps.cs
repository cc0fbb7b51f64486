namespace Dunning.Domain;

public static partial class CaseDecider
{
    /// <summary>Takes ladder step <paramref name="index"/>, recording every step passed over on the way.</summary>
    private static void TakeStep(Decision d, int index, DateTimeOffset scheduledFor, string? jumpWhy = null)
    {
        for (var i = d.Case.NextStepIndex; i < index; i++)
        {
            var why = Ladder.SkipReason(d.Case, d.Policy, i) ?? jumpWhy ?? "passed over";
            d.Emit(new StepSkipped(d.Now, d.Policy.Steps[i].Name, i, why));
        }

        var step = d.Policy.Steps[index];
        d.Emit(new StepReached(d.Now, step.Name, index, scheduledFor));
        foreach (var action in ActionsFor(d, step))
        {
            if (d.Case.Status != CaseStatus.Active)
            {
                break;
            }

            Perform(d, step.Name, action);
        }
    }

    private static IReadOnlyList<StepAction> ActionsFor(Decision d, EscalationStep step)
    {
        if (step.Condition is not { } condition)
        {
            return step.Actions;
        }

        var met = condition.MinOutstanding.TryGetValue(d.Case.Outstanding.Currency, out var minimum)
            && d.Case.Outstanding.Amount >= minimum;
        return met ? step.Actions : step.Otherwise ?? [];
    }

    private static void Perform(Decision d, string step, StepAction action)
    {
        switch (action)
        {
            case StepAction.Report:
                d.Emit(new SupervisorReportRequested(d.Now, step, d.Claim()));
                break;
            case StepAction.Legal:
                CancelPending(d, "the case was handed to legal");
                d.Emit(new CaseHandedToLegal(d.Now, step, d.Claim()));
                break;
            default:
                Contact(d, step, action, fallbackFor: null);
                break;
        }
    }

    private static void CancelPending(Decision d, string why)
    {
        if (d.Case.PendingContacts.Count > 0)
        {
            d.Emit(new PendingContactsCancelled(d.Now, d.Case.PendingContacts.Count, why));
        }
    }
}
