using System.Collections.Concurrent;

namespace Dunning.Domain.Tests;

/// <summary>Zones whose rules break naive time arithmetic, and their offset changes found independently of the
/// code under test (a daily scan of instant offsets, refined by bisection).</summary>
internal static class OddZones
{
    public static readonly string[] Ids =
    [
        "Asia/Shanghai",        // no DST, the common case
        "America/New_York",     // 1 h gap and fold at 02:00
        "Europe/London",        // 1 h gap and fold at 01:00 (UTC)
        "Australia/Lord_Howe",  // 30 min DST
        "America/Sao_Paulo",    // changed at midnight until 2019: days without 00:00, days with two 23:xx
        "Pacific/Chatham",      // +12:45 / +13:45
        "Asia/Kolkata",         // +05:30, no DST
        "Pacific/Apia",         // skipped Friday 2011-12-30 entirely
        "America/St_Johns",     // -03:30 / -02:30
    ];

    // Property instants are drawn from this range; the scan covers it with a margin.
    public static readonly DateTimeOffset From = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Until = new(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DateTimeOffset>> TransitionsById = new();

    public static TimeZoneInfo Get(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>Instants (UTC) at which the zone's offset changes, ascending.</summary>
    public static IReadOnlyList<DateTimeOffset> Transitions(TimeZoneInfo zone) =>
        TransitionsById.GetOrAdd(zone.Id, _ => Scan(zone));

    /// <summary>Every offset the zone uses within the scanned range.</summary>
    public static IReadOnlySet<TimeSpan> Offsets(TimeZoneInfo zone) =>
        Transitions(zone)
            .SelectMany(t => new[] { zone.GetUtcOffset(t.AddTicks(-1)), zone.GetUtcOffset(t) })
            .Append(zone.GetUtcOffset(From))
            .ToHashSet();

    private static List<DateTimeOffset> Scan(TimeZoneInfo zone)
    {
        var found = new List<DateTimeOffset>();
        for (var day = From.AddDays(-30); day < Until.AddDays(30); day = day.AddDays(1))
        {
            if (zone.GetUtcOffset(day) == zone.GetUtcOffset(day.AddDays(1)))
            {
                continue;
            }

            long low = day.UtcTicks, high = day.AddDays(1).UtcTicks;
            var before = zone.GetUtcOffset(day);
            while (high - low > 1)
            {
                var mid = low + ((high - low) / 2);
                if (zone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)) == before)
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            found.Add(new DateTimeOffset(high, TimeSpan.Zero));
        }

        return found;
    }
}
