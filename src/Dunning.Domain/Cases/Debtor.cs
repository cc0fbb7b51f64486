using System.Text.Json.Serialization;

namespace Dunning.Domain;

/// <summary>Who owes: contact details, IANA time zone, locale and (optionally) the jurisdiction whose contact rules apply.</summary>
public sealed record Debtor(
    string Name,
    string? Phone,
    string? Email,
    string TimeZone,
    string Locale,
    string? Address = null,
    string? Jurisdiction = null)
{
    /// <summary>The debtor's zone; a case only opens with a known zone, so UTC is a fallback that never decides anything.</summary>
    [JsonIgnore]
    public TimeZoneInfo Zone => LocalCalendar.TryFindZone(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
