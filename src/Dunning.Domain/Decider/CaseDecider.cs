namespace Dunning.Domain;

/// <summary>Decide: given a case (null before it is opened), a command and the case's pinned policy, what happened.
/// Every transition rule lives in this type (one partial file per concern); it never throws for a command that does
/// not fit, it records a <see cref="CommandRejected"/> instead. The last rule of every decision arms the case's one
/// timer, so timers are managed in exactly one place.</summary>
public static partial class CaseDecider
{
    public static IReadOnlyList<CaseEvent> Decide(CaseState? state, CaseCommand command, EscalationPolicy policy)
    {
        var decision = new Decision(state, policy, command);
        if (state is null && command is not OpenCase)
        {
            decision.Reject("There is no such case.");
            return decision.Events;
        }

        switch (command)
        {
            case OpenCase open: Open(decision, open); break;
            case FireTimer timer: Fire(decision, timer); break;
            case ReceivePayment payment: Pay(decision, payment); break;
            case PauseCase pause: Pause(decision, pause); break;
            case ResumeCase resume: Resume(decision, resume); break;
            case EscalateCase escalate: Escalate(decision, escalate); break;
            case RecordPromise promise: Promise(decision, promise); break;
            case AgreePlan plan: Plan(decision, plan); break;
            case ClassifyDebtor classify: Classify(decision, classify); break;
            case CloseCase close: Close(decision, close); break;
            case DisputeCase dispute: Dispute(decision, dispute); break;
            case OptOut optOut: OptOutOf(decision, optOut); break;
            case ReportDelivery delivery: Delivery(decision, delivery); break;
            case ReportVisitOutcome visit: Visit(decision, visit); break;
            case RecordDocument document: Document(decision, document); break;
            case RaiseAlert alert: decision.Emit(new SupervisorAlertRaised(alert.Now, alert.Subject, alert.Why)); break;
            default: decision.Reject($"Unknown command {command.GetType().Name}."); break;
        }

        if (decision.State is not null && decision.Events.Count > 0 || decision.TimerSpent)
        {
            ArmTimer(decision);
        }

        return decision.Events;
    }

    private static void ArmTimer(Decision d)
    {
        if (d.State is not { } s)
        {
            return;
        }

        var wake = Ladder.NextWakeUp(s, d.Policy, d.Zone, d.Now);
        if (wake is { } w && w < d.Now)
        {
            wake = d.Now;
        }

        if (!d.TimerSpent && wake == s.Timer?.DueAt)
        {
            return;
        }

        if (wake is null && s.Timer is null && !d.TimerSpent)
        {
            return;
        }

        d.Emit(new TimerArmed(d.Now, $"t{s.TimerSeq + 1}", wake));
    }
}
