using System.Collections.Concurrent;

namespace Dunning.Domain.Tests;

/// <summary>The debtors' zones a generated case run picks from: each has a DST or offset quirk (or pointedly none),
/// and the local dates on which its offset changes in 2025-2027, so due dates can be drawn near them.</summary>
internal static class RunZones
{
    public static readonly string[] Ids =
    [
        "Asia/Shanghai",         // no DST at all
        "America/New_York",      // 1 h gap and fold at 02:00
        "Europe/London",         // 1 h gap and fold at 01:00
        "Australia/Lord_Howe",   // 30 min DST at 02:00
        "America/Sao_Paulo",     // DST abolished in 2019
        "Pacific/Chatham",       // +12:45 / +13:45, changes at 02:45
        "America/St_Johns",      // -03:30 / -02:30
        "Asia/Kolkata",          // +05:30, no DST
        "Europe/Berlin",         // 1 h gap and fold at 02:00 / 03:00
        "America/Los_Angeles",   // 1 h gap and fold at 02:00
    ];

    public static readonly DateOnly First = new(2025, 1, 1);
    public static readonly DateOnly Last = new(2027, 12, 31);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DateOnly>> ChangeDays = new();

    public static TimeZoneInfo Get(string id) =>
        LocalCalendar.TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException($"Zone {id} is not installed.");

    /// <summary>Local dates in 2025-2027 on which the zone's UTC offset at noon differs from the day before.</summary>
    public static IReadOnlyList<DateOnly> OffsetChanges(string id) => ChangeDays.GetOrAdd(id, Scan);

    private static List<DateOnly> Scan(string id)
    {
        var zone = Get(id);
        var found = new List<DateOnly>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            if (zone.GetUtcOffset(noon) != zone.GetUtcOffset(noon.AddDays(-1)))
            {
                found.Add(day);
            }
        }

        return found;
    }
}
