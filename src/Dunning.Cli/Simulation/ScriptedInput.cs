using System.Globalization;
using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>Something a person or the billing system does to the case on a scripted local date. The simulation turns
/// it into the domain command the runtime would have received at <see cref="InstantIn"/>.</summary>
public abstract record ScriptedInput(DateOnly Date)
{
    /// <summary>Who the simulation says gave a supervisor command; the history names an actor for every one.</summary>
    public static Actor Scripter { get; } = new("simulation", ActorKind.Supervisor);

    /// <summary>The debtor's local time of day the input happens at: noon unless the input says otherwise.</summary>
    protected virtual TimeOnly LocalTime => new(12, 0);

    /// <summary>The option that scripted this input, as a user would type it, for messages.</summary>
    public abstract string Option { get; }

    public DateTimeOffset InstantIn(TimeZoneInfo zone) => LocalCalendar.At(Date, LocalTime, zone);

    /// <summary>The command decided at <paramref name="now"/>. <paramref name="number"/> (1-based, unique in the
    /// script) keeps payment ids distinct, since the decider applies a payment id only once.</summary>
    public abstract CaseCommand ToCommand(DateTimeOffset now, TimeZoneInfo zone, string currency, int number);

    protected static string Invariant(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A payment of <paramref name="Amount"/> reported at noon local on <paramref name="Date"/>.</summary>
public sealed record ScriptedPayment(DateOnly Date, decimal Amount) : ScriptedInput(Date)
{
    public override string Option => $"--pay {Date:yyyy-MM-dd}:{Invariant(Amount)}";

    public override CaseCommand ToCommand(DateTimeOffset now, TimeZoneInfo zone, string currency, int number) =>
        new ReceivePayment(now, $"sim-payment-{number}", new Money(Amount, currency), now);
}

/// <summary>A promise, recorded at noon local on <paramref name="Date"/>, to pay <paramref name="Amount"/> by
/// <paramref name="PromisedBy"/>.</summary>
public sealed record ScriptedPromise(DateOnly Date, decimal Amount, DateOnly PromisedBy) : ScriptedInput(Date)
{
    public override string Option => $"--promise {Date:yyyy-MM-dd}:{Invariant(Amount)}@{PromisedBy:yyyy-MM-dd}";

    public override CaseCommand ToCommand(DateTimeOffset now, TimeZoneInfo zone, string currency, int number) =>
        new RecordPromise(now, Scripter, "scripted promise to pay", new Money(Amount, currency), PromisedBy);
}

/// <summary>A collector classifies the debtor as <paramref name="Type"/> at noon local on <paramref name="Date"/>.</summary>
public sealed record ScriptedClassification(DateOnly Date, DebtorType Type) : ScriptedInput(Date)
{
    public override string Option => $"--classify {Type}@{Date:yyyy-MM-dd}";

    public override CaseCommand ToCommand(DateTimeOffset now, TimeZoneInfo zone, string currency, int number)
    {
        var (willingness, ability) = Type switch
        {
            DebtorType.WillingAble => (Willingness.Willing, Ability.Able),
            DebtorType.WillingUnable => (Willingness.Willing, Ability.Unable),
            DebtorType.UnwillingAble => (Willingness.Unwilling, Ability.Able),
            _ => (Willingness.Unwilling, Ability.Unable),
        };
        return new ClassifyDebtor(now, Scripter, "scripted classification", willingness, ability);
    }
}

/// <summary>A supervisor pauses the case for the local days <paramref name="Date"/> to <paramref name="LastDay"/>
/// inclusive: from midnight starting the first day to midnight ending the last, when the decider resumes it itself.</summary>
public sealed record ScriptedPause(DateOnly Date, DateOnly LastDay) : ScriptedInput(Date)
{
    protected override TimeOnly LocalTime => TimeOnly.MinValue;

    public override string Option => $"--pause {Date:yyyy-MM-dd}..{LastDay:yyyy-MM-dd}";

    public override CaseCommand ToCommand(DateTimeOffset now, TimeZoneInfo zone, string currency, int number) =>
        new PauseCase(now, Scripter, "scripted pause", LocalCalendar.At(LastDay.AddDays(1), TimeOnly.MinValue, zone));
}
