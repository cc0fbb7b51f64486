using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>Every case ended or will go on by itself: closed, handed to legal, paused by a supervisor (or disputed), or
/// with its timer due in the future. A case at an end has nothing left in its outbox (an outbox row is deleted only after
/// its effect succeeded); a case waiting on its timer may still hold the rows the timer's message carried out before it
/// became the timer, which the timer's own commit deletes. On a busy machine the run may be checked before it came to rest; a case
/// whose timer fell due, or which changed, within <paramref name="grace"/> is then still being handled, not stuck (a lost
/// timer stays overdue for good, far longer than that).</summary>
public static class NoCaseStuck
{
    public const string Name = "no case stuck";

    public static InvariantResult Check(IReadOnlyList<CaseSnapshot> cases, DateTimeOffset now, TimeSpan grace)
    {
        var violations = cases
            .Select(c => WhyStuck(c.Stored, c.Outbox, now) is { } why && !ChangedOrDueSince(c, now - grace) ? $"{c.CaseId}: {why}" : null)
            .OfType<string>().ToList();
        var byStatus = cases.Where(c => c.Stored is not null).GroupBy(c => Describe(c.Stored!.State)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        return InvariantResult.Of(Name, violations, string.Join(", ", byStatus));
    }

    private static bool ChangedOrDueSince(CaseSnapshot c, DateTimeOffset since) =>
        c.History.Count > 0 && c.History[^1].At >= since || c.Stored?.State.Timer is { } timer && timer.DueAt >= since;

    /// <summary>Whether a case has reached an end of its own (no timer will ever move it without a person).</summary>
    public static bool IsFinal(StoredCase? stored) =>
        stored?.State is { Status: CaseStatus.Closed or CaseStatus.HandedToLegal } or { Status: CaseStatus.Paused, PausedUntil: null } or { Disputed: true };

    /// <summary>Why a case is stuck, or null when it is not; <paramref name="outbox"/> null means "not read".</summary>
    public static string? WhyStuck(StoredCase? stored, IReadOnlyList<OutboxRow>? outbox, DateTimeOffset now)
    {
        if (stored is null)
        {
            return "never opened";
        }

        if (stored.Flagged)
        {
            return $"flagged: {stored.FlagReason}";
        }

        var s = stored.State;
        var waiting = s.Timer is { } pending && pending.DueAt > now;
        if (outbox is { Count: > 0 } && !waiting)
        {
            return $"{outbox.Count} outbox row(s) never carried out ({string.Join(", ", outbox.Select(o => o.Kind).Distinct())})";
        }

        if (IsFinal(stored) || s.Timer is { } timer && timer.DueAt > now)
        {
            return null;
        }

        return $"{s.Status} at {s.Stage} with {(s.Timer is { } t ? $"its timer due {t.DueAt:O}, now {now:O}" : "no timer")}";
    }

    private static string Describe(CaseState s) => s switch
    {
        { Status: CaseStatus.Closed } => $"closed ({s.ClosedReason})",
        { Status: CaseStatus.HandedToLegal } => "handed to legal",
        { Disputed: true } => "disputed",
        { Status: CaseStatus.Paused, PausedUntil: null } => "paused by a supervisor",
        _ => "waiting on a timer",
    };
}
