namespace Dunning.Domain;

/// <summary>Who owes: contact details, IANA time zone, locale and (optionally) the jurisdiction whose contact rules apply.</summary>
public sealed record Debtor(
    string Name,
    string? Phone,
    string? Email,
    string TimeZone,
    string Locale,
    string? Address = null,
    string? Jurisdiction = null);
