namespace Dunning.Domain.Tests;

/// <summary>An instant seen from one zone.</summary>
public sealed record ZonedInstant(TimeZoneInfo Zone, DateTimeOffset Instant)
{
    public override string ToString() => $"{Zone.Id} {Instant:O}";
}

/// <summary>A local wall-clock reading in one zone (which may fall in a gap or a fold).</summary>
public sealed record ZonedReading(TimeZoneInfo Zone, DateOnly Date, TimeOnly Time)
{
    public override string ToString() => $"{Zone.Id} {Date:yyyy-MM-dd} {Time:HH:mm:ss.fffffff}";
}

/// <summary>A window applied to an instant in one zone.</summary>
public sealed record WindowScenario(ContactWindow Window, TimeZoneInfo Zone, DateTimeOffset Instant)
{
    public override string ToString() =>
        $"{Zone.Id} {Instant:O} window {Window.Start:HH:mm}-{Window.End:HH:mm:ss.fffffff} days "
        + (Window.Days is null ? "all" : string.Join(",", Window.Days.Order()));
}

/// <summary>A cap with a history, asked at <paramref name="Now"/>.</summary>
public sealed record CapScenario(ContactCap Cap, IReadOnlyList<DateTimeOffset> Attempts, DateTimeOffset? LastConversation, DateTimeOffset Now)
{
    public override string ToString() =>
        $"{Cap} now {Now:O} conversation {LastConversation:O} attempts [{string.Join(", ", Attempts.Select(a => a.ToString("O")))}]";
}
