using System.Globalization;
using Dunning.Domain;

namespace Dunning.Bench;

/// <summary>The cases the benchmark opens: debtors spread over six time zones (so the 09:00 steps of a virtual day
/// fall at different instants) and two amounts (above the visit threshold a field visit, below it a call task).</summary>
public static class BenchCases
{
    public static IReadOnlyList<string> Zones { get; } =
        ["Asia/Shanghai", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "Pacific/Auckland", "Asia/Seoul"];

    public static Actor Operator { get; } = new("bench", ActorKind.Operator);

    public static string ZoneOf(int index) => Zones[index % Zones.Count];

    public static OpenCase Open(string run, int index, DateOnly due, DateTimeOffset now)
    {
        var zone = ZoneOf(index);
        var n = index.ToString("D8", CultureInfo.InvariantCulture);
        var debtor = new Debtor($"Debtor {n}", $"+86138{n}", $"debtor{n}@example.com", zone, "zh-CN", $"{index} Example Road");
        var amount = index % 3 == 0 ? 3_000m : 12_000m;
        return new OpenCase(now, $"{run}-A{n}", "INV-1", debtor, new Money(amount, "CNY"), due, "default", 1, Operator);
    }

    /// <summary>The debtor's local date at <paramref name="instant"/>: a case opened with it as due date opens on its due day.</summary>
    public static DateOnly LocalDate(int index, DateTimeOffset instant) =>
        LocalCalendar.DateOf(instant, TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(index)));
}
