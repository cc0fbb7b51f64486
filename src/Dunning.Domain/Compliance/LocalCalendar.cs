namespace Dunning.Domain;

/// <summary>Maps instants to a debtor's local calendar and back, with explicit rules for DST gaps and folds.</summary>
/// <remarks>Everything here is derived from one primitive, the zone's offset at an instant
/// (<see cref="TimeZoneInfo.GetUtcOffset(DateTimeOffset)"/>). The local-time APIs of <see cref="TimeZoneInfo"/>
/// (IsInvalidTime, GetAmbiguousTimeOffsets) are avoided on purpose: they follow adjustment rules and can disagree
/// with the instant mapping at non-DST offset changes such as Samoa skipping 2011-12-30.</remarks>
public static class LocalCalendar
{
    // TimeZoneInfo never reports an offset beyond ±14 h, so every instant showing a local reading L lies in
    // [L - 14 h, L + 14 h] (read as UTC).
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>The debtor's local calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);

    /// <summary>The same instant, expressed with the offset <paramref name="zone"/> has at that instant.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant.ToOffset(zone.GetUtcOffset(instant));
    }

    /// <summary>The instant at which the local clock in <paramref name="zone"/> shows <paramref name="time"/> on
    /// <paramref name="date"/>. In a spring-forward gap the reading is moved forward by the gap's length (02:30 in
    /// New York on the changeover day gives 03:30 EDT); in a fall-back fold the earlier occurrence wins.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var resolution = Resolve(local, zone);
        if (!resolution.IsGap)
        {
            return resolution.Occurrences[0];
        }

        // Reading the wall clock with the offset in force before the gap lands as far past the gap's end as the
        // reading was past its start: the usual "lenient" rule (java.time, NodaTime).
        var offsetBeforeGap = zone.GetUtcOffset(resolution.Transition!.Value.AddTicks(-1));
        return ToLocal(new DateTimeOffset(local, offsetBeforeGap), zone);
    }

    /// <summary>Finds a zone by IANA id (e.g. "Asia/Shanghai"). Windows ids, blank and unknown ids give false and
    /// leave <paramref name="zone"/> as UTC, never null.</summary>
    public static bool TryFindZone(string ianaId, out TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(ianaId)
            && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var found)
            && found.HasIanaId)
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>All instants showing <paramref name="local"/>, plus the transition that made it a gap or a fold.</summary>
    internal static LocalTimeResolution Resolve(DateTime local, TimeZoneInfo zone)
    {
        var earliest = new DateTimeOffset(local, MaxOffset);
        var latest = new DateTimeOffset(local, -MaxOffset);

        // The offsets in force around the reading: those at both ends of the search range, closed under
        // "offset at (reading - offset)" so that a second nearby transition still contributes its offset.
        var offsets = new List<TimeSpan> { zone.GetUtcOffset(earliest) };
        AddDistinct(offsets, zone.GetUtcOffset(latest));
        for (var i = 0; i < offsets.Count && offsets.Count < 8; i++)
        {
            AddDistinct(offsets, zone.GetUtcOffset(new DateTimeOffset(local, offsets[i])));
        }

        var occurrences = offsets
            .Where(offset => zone.GetUtcOffset(new DateTimeOffset(local, offset)) == offset)
            .Select(offset => new DateTimeOffset(local, offset))
            .OrderBy(instant => instant.UtcTicks)
            .ToArray();

        return occurrences.Length switch
        {
            0 => new(occurrences, FirstReadingAfter(local, earliest, latest, zone)),
            1 => new(occurrences, null),
            _ => new(occurrences, FallBackBetween(local, occurrences[0], occurrences[1], zone)),
        };
    }

    private static void AddDistinct(List<TimeSpan> offsets, TimeSpan offset)
    {
        if (!offsets.Contains(offset))
        {
            offsets.Add(offset);
        }
    }

    // Precondition: nothing in [low, high] shows `local`, the reading at `low` is before it and at `high` after it.
    // Bisection keeps that shape, so it ends on the tick where the clock jumps over `local`.
    private static DateTimeOffset FirstReadingAfter(DateTime local, DateTimeOffset low, DateTimeOffset high, TimeZoneInfo zone)
    {
        var lowTicks = low.UtcTicks;
        var highTicks = high.UtcTicks;
        while (highTicks - lowTicks > 1)
        {
            var mid = lowTicks + ((highTicks - lowTicks) / 2);
            if (Reading(mid, zone) > local)
            {
                highTicks = mid;
            }
            else
            {
                lowTicks = mid;
            }
        }

        return ToLocal(new DateTimeOffset(highTicks, TimeSpan.Zero), zone);
    }

    // `first` and `second` both show `local`; just after `first` the clock reads later than `local`, at `second` it
    // reads `local` again, so somewhere in (first, second] it jumped back over it. Bisection finds such a tick.
    private static DateTimeOffset FallBackBetween(DateTime local, DateTimeOffset first, DateTimeOffset second, TimeZoneInfo zone)
    {
        var lowTicks = first.UtcTicks;
        var highTicks = second.UtcTicks;
        while (highTicks - lowTicks > 1)
        {
            var mid = lowTicks + ((highTicks - lowTicks) / 2);
            if (Reading(mid, zone) <= local)
            {
                highTicks = mid;
            }
            else
            {
                lowTicks = mid;
            }
        }

        return ToLocal(new DateTimeOffset(highTicks, TimeSpan.Zero), zone);
    }

    private static DateTime Reading(long utcTicks, TimeZoneInfo zone) =>
        ToLocal(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone).DateTime;
}
