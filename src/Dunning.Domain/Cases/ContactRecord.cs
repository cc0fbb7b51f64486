namespace Dunning.Domain;

/// <summary>A contact made, kept for caps, fallbacks and delivery reports; <see cref="Delivered"/> is null until the
/// channel reports.</summary>
public sealed record ContactRecord(string ContactId, ContactChannel Channel, string Step, DateTimeOffset At, string? FallbackFor, bool? Delivered = null);
