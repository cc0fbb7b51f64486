namespace Dunning.Domain;

/// <summary>When a <see cref="ContactCap"/> lets the next attempt happen.</summary>
public static class ContactCaps
{
    /// <summary><paramref name="now"/> when another attempt is allowed now, otherwise the earliest later instant at
    /// which both rules allow it: fewer than MaxAttempts attempts in (t - Per, t], and t at least
    /// QuietAfterConversation past the last conversation. <paramref name="attempts"/> may be unsorted and hold
    /// entries long past; the result carries <paramref name="now"/>'s offset.</summary>
    public static DateTimeOffset EarliestAllowed(
        ContactCap cap,
        IReadOnlyList<DateTimeOffset> attempts,
        DateTimeOffset? lastConversation,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cap);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap.MaxAttempts, 1, nameof(cap));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cap.Per, TimeSpan.Zero, nameof(cap));
        ArgumentOutOfRangeException.ThrowIfLessThan(cap.QuietAfterConversation, TimeSpan.Zero, nameof(cap));

        var earliest = now;
        if (lastConversation is { } conversation && conversation + cap.QuietAfterConversation > earliest)
        {
            earliest = conversation + cap.QuietAfterConversation;
        }

        // The count in (t - Per, t] only falls when an attempt ages out at attempt + Per, so the first allowed
        // instant is either `earliest` itself or one of those age-out instants after it.
        if (AttemptsIn(cap, attempts, earliest) < cap.MaxAttempts)
        {
            return earliest.ToOffset(now.Offset);
        }

        // One always qualifies: at the latest age-out no attempt is left in the window, and MaxAttempts >= 1.
        return attempts
            .Select(attempt => attempt + cap.Per)
            .Where(ageOut => ageOut > earliest)
            .Order()
            .First(ageOut => AttemptsIn(cap, attempts, ageOut) < cap.MaxAttempts)
            .ToOffset(now.Offset);
    }

    private static int AttemptsIn(ContactCap cap, IReadOnlyList<DateTimeOffset> attempts, DateTimeOffset at) =>
        attempts.Count(attempt => attempt > at - cap.Per && attempt <= at);
}
