namespace Dunning.Domain.Tests;

public abstract partial record ScriptAction
{
    /// <summary>Pause, for <see cref="Hours"/> or (null) until a resume.</summary>
    public sealed record Pause(int? Hours) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) =>
            new PauseCase(now, Supervisor, "debtor in hospital", Hours is { } hours ? now.AddHours(hours) : null);
    }

    public sealed record Resume : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) => new ResumeCase(now, Supervisor, "back");
    }

    /// <summary>Escalate to the next step (null), to ladder step <see cref="StepIndex"/>, or (negative) to a step
    /// the policy does not have.</summary>
    public sealed record Escalate(int? StepIndex) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) =>
            new EscalateCase(now, Supervisor, "no response", StepIndex switch
            {
                null => null,
                < 0 => "no-such-step",
                { } index => run.Policy.Steps[index % run.Policy.Steps.Count].Name,
            });
    }

    /// <summary>A promise of <see cref="Percent"/> of the outstanding amount, <see cref="DaysAhead"/> local days out.</summary>
    public sealed record Promise(int Percent, int DaysAhead) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run)
        {
            var outstanding = run.State.Outstanding;
            var basis = outstanding.IsPositive ? outstanding.Amount : run.State.AmountDue.Amount;
            var amount = new Money(RunContext.Share(basis, Percent, outstanding.Currency), outstanding.Currency);
            return new RecordPromise(now, Supervisor, "promised on the phone", amount, run.Today(now).AddDays(DaysAhead));
        }
    }

    /// <summary>A plan of <see cref="Count"/> installments that add up to the outstanding amount, the first
    /// <see cref="StartDays"/> local days out and the rest every <see cref="SpacingDays"/>.</summary>
    public sealed record Plan(int Count, int StartDays, int SpacingDays) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run)
        {
            var outstanding = run.State.Outstanding;
            var digits = Currencies.MinorUnits(outstanding.Currency);
            var each = Math.Round(outstanding.Amount / Count, digits, MidpointRounding.ToZero);
            var today = run.Today(now);
            var installments = Enumerable.Range(0, Count)
                .Select(i => new Installment(
                    today.AddDays(StartDays + (i * SpacingDays)),
                    new Money(i == Count - 1 ? outstanding.Amount - (each * (Count - 1)) : each, outstanding.Currency)))
                .ToList();
            return new AgreePlan(now, Supervisor, "agreed on the phone", installments);
        }
    }

    public sealed record Classify(Willingness Willingness, Ability Ability) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) =>
            new ClassifyDebtor(now, Supervisor, "after a call", Willingness, Ability);
    }

    public sealed record OptOutOf(ContactChannel Channel) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) =>
            new OptOut(now, new Actor("debtor", ActorKind.Debtor), "STOP", Channel);
    }

    public sealed record Dispute : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) => new DisputeCase(now, Supervisor, "debtor disputes the invoice");
    }

    public sealed record Close(ClosedReason Reason) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run) => new CloseCase(now, Supervisor, "closed by hand", Reason);
    }
}
