namespace Dunning.Domain.Tests;

/// <summary>What a script action may look at when it becomes a command.</summary>
internal sealed class RunContext(EscalationPolicy policy, TimeZoneInfo zone)
{
    public EscalationPolicy Policy { get; } = policy;

    public TimeZoneInfo Zone { get; } = zone;

    public CaseState State { get; set; } = null!;

    /// <summary>Every payment command sent so far, so a duplicate can resend one exactly.</summary>
    public List<ReceivePayment> Payments { get; } = [];

    /// <summary>Every token the case armed so far, oldest first.</summary>
    public List<string> Tokens { get; } = [];

    public DateOnly Today(DateTimeOffset now) => LocalCalendar.DateOf(now, Zone);

    /// <summary><paramref name="percent"/> of <paramref name="amount"/>, in whole minor units and at least one.</summary>
    public static decimal Share(decimal amount, int percent, string currency)
    {
        var digits = Currencies.MinorUnits(currency);
        var share = Math.Round(amount * percent / 100m, digits, MidpointRounding.AwayFromZero);
        var minor = 1m / (decimal)Math.Pow(10, digits);
        return Math.Max(share, minor);
    }
}
