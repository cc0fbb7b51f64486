using System.Globalization;
using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>The run's cases: debtors in four time zones (so contact windows and weekend visits differ), due on five
/// different days, above and below the field-visit threshold.</summary>
public static class ChaosCases
{
    private static readonly string[] Zones = ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Sydney"];

    public static Actor Operator { get; } = new("chaos", ActorKind.Operator);

    public static Actor Supervisor { get; } = new("chaos-supervisor", ActorKind.Supervisor);

    public static OpenCase Open(int index, DateTimeOffset now)
    {
        var n = index.ToString("D6", CultureInfo.InvariantCulture);
        var debtor = new Debtor($"Debtor {n}", $"+1555{n}", $"debtor{n}@example.com", Zones[index % Zones.Length], "en-US", $"{index} Chaos Street");
        var amount = index % 4 == 0 ? 3_000m : 12_000m;
        return new OpenCase(now, $"CHAOS-{n}", "INV-1", debtor, new Money(amount, "CNY"),
            ChaosSettings.FirstDue.AddDays(index % ChaosSettings.DueSpreadDays), "default", 1, Operator);
    }

    /// <summary>A case id no case has: payments to it must be applied nowhere.</summary>
    public static string Unknown(int n) => CaseIds.For($"CHAOS-UNKNOWN-{n}", "INV-1");
}
