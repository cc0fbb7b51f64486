namespace Dunning.Domain;

public sealed partial record ContactWindow
{
    // Every real zone has an allowed day within a few weeks (even Samoa, which skipped a whole Friday); the bound
    // only turns a corrupt zone or window into an exception instead of a hang.
    private const int MaxSearchDays = 366;

    // Offsets stay within ±14 h, so a clock can jump back at most 28 h; readings that far apart are in order.
    private const int DaysBeyondBestToCheck = 4;

    /// <summary>Why a window built from these parts would be unusable, or null when it is fine.</summary>
    public static string? Validate(TimeOnly start, TimeOnly end, IReadOnlySet<DayOfWeek>? days)
    {
        if (start >= end)
        {
            return $"Contact window start {start:HH:mm} must be before its end {end:HH:mm}; windows do not cross midnight.";
        }

        if (days is { Count: 0 })
        {
            return "Contact window days must name at least one weekday when given.";
        }

        if (days is not null && days.Any(day => !Enum.IsDefined(day)))
        {
            return "Contact window days hold a value that is not a weekday.";
        }

        return null;
    }

    /// <summary>Whether the debtor's local clock at <paramref name="instant"/> is inside the window on an allowed day.</summary>
    public bool Allows(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = LocalCalendar.ToLocal(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return (Days is null || Days.Contains(local.DayOfWeek)) && time >= Start && time < End;
    }

    /// <summary><paramref name="instant"/> itself when allowed, otherwise the earliest later instant the window
    /// allows; either way expressed with the zone's offset.</summary>
    /// <exception cref="InvalidOperationException">The window fails <see cref="Validate"/>.</exception>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Validate(Start, End, Days) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        if (Allows(instant, zone))
        {
            return LocalCalendar.ToLocal(instant, zone);
        }

        // The allowed instants begin either where the clock passes Start on some date, or at a transition that
        // drops the clock into the window. Such a transition jumps forward over Start (a gap swallowing the
        // start) or back over End (a fold repeating the window's last hour). Hence the candidates below; the
        // earliest one that is allowed and later than the instant is the answer.
        var firstDate = LocalCalendar.DateOf(instant, zone).AddDays(-1);
        DateTimeOffset? best = null;
        for (var date = firstDate; best is null || date <= LocalCalendar.DateOf(best.Value, zone).AddDays(DaysBeyondBestToCheck); date = date.AddDays(1))
        {
            if (date.DayNumber - firstDate.DayNumber > MaxSearchDays)
            {
                throw new InvalidOperationException(
                    $"No allowed contact time within {MaxSearchDays} days in zone {zone.Id}; the zone data look broken.");
            }

            foreach (var candidate in EntryCandidates(date, zone))
            {
                if (candidate > instant && (best is null || candidate < best.Value) && Allows(candidate, zone))
                {
                    best = candidate;
                }
            }
        }

        return best.Value;
    }

    private IEnumerable<DateTimeOffset> EntryCandidates(DateOnly date, TimeZoneInfo zone)
    {
        var start = LocalCalendar.Resolve(date.ToDateTime(Start, DateTimeKind.Unspecified), zone);
        foreach (var occurrence in start.Occurrences)
        {
            yield return occurrence;
        }

        if (start.IsGap)
        {
            yield return start.Transition!.Value;
        }

        var end = LocalCalendar.Resolve(date.ToDateTime(End, DateTimeKind.Unspecified), zone);
        if (end.IsFold)
        {
            yield return end.Transition!.Value;
        }
    }
}
