using System.Globalization;

namespace Dunning.Cli;

/// <summary>How instants and amounts are written in the timeline: invariant culture, always with the UTC offset, so
/// the same run reads the same on every machine.</summary>
public static class TimelineFormat
{
    /// <summary>2026-11-17 09:00 +08:00</summary>
    public static string LocalMinute(DateTimeOffset local) =>
        local.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>2026-11-17T09:00:00+08:00 (ISO 8601)</summary>
    public static string Iso(DateTimeOffset local) =>
        local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Tue</summary>
    public static string Weekday(DateTimeOffset local) =>
        local.ToString("ddd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
