namespace Dunning.Domain.Tests;

public abstract partial record ScriptAction
{
    /// <summary>A channel reports on one of the contacts made so far (a repeat report included).</summary>
    public sealed record Deliver(int Pick, bool Succeeded) : ScriptAction
    {
        internal override CaseCommand? ToCommand(DateTimeOffset now, RunContext run)
        {
            var contacts = run.State.Contacts;
            if (contacts.Count == 0)
            {
                return null;
            }

            var contact = contacts[Pick % contacts.Count];
            return new ReportDelivery(now, contact.ContactId, contact.Channel, Succeeded, Succeeded ? "delivered" : "bounced");
        }
    }

    /// <summary>A collector reports a visit (the latest one scheduled, or none); a promise made there is
    /// <see cref="Percent"/> of the outstanding amount, <see cref="DaysAhead"/> local days out.</summary>
    public sealed record Visit(VisitOutcome Outcome, int Percent, int DaysAhead) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run)
        {
            var visitId = run.State.Contacts.LastOrDefault(c => c.Channel == ContactChannel.Visit)?.ContactId;
            var outstanding = run.State.Outstanding;
            Money? amount = Outcome == VisitOutcome.Promised
                ? new Money(RunContext.Share(outstanding.IsPositive ? outstanding.Amount : 1m, Percent, outstanding.Currency), outstanding.Currency)
                : null;
            DateOnly? date = Outcome == VisitOutcome.Promised ? run.Today(now).AddDays(DaysAhead) : null;
            return new ReportVisitOutcome(now, new Actor("collector-3", ActorKind.Collector), "visited", visitId, Outcome, amount, date);
        }
    }

    /// <summary>A timer message armed earlier arrives late, after the case re-armed: it must change nothing.</summary>
    public sealed record StaleTimer(int Pick) : ScriptAction
    {
        internal override CaseCommand? ToCommand(DateTimeOffset now, RunContext run)
        {
            var stale = run.Tokens.Where(token => token != run.State.Timer?.Token).ToList();
            return stale.Count == 0 ? null : new FireTimer(now, stale[Pick % stale.Count]);
        }
    }
}
