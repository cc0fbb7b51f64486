using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.DurableTask.Client;

namespace Dunning.Chaos;

/// <summary>Every case has either finished or will go on by itself, with nothing it was sent left unapplied: finished
/// (closed or handed to legal, no timer, and its workflow ended), waiting for a person (paused without an end, or
/// disputed; its workflow running, waiting for a command), or waiting on its timer (its workflow running and the timer
/// not overdue by more than <c>grace</c> when the workers stopped: a lost timer stays overdue for good, far longer).
/// Every command the driver recorded is in its case's command log, applied.</summary>
public static class NoCaseStuck
{
    public const string Name = "no case stuck";

    public static async Task<InvariantResult> CheckAsync(IReadOnlyList<CaseAtRest> cases, Ledger ledger, CommandLog log, DateTimeOffset stoppedAt, TimeSpan grace,
        CancellationToken cancellationToken = default)
    {
        var violations = cases.Select(c => WhyStuck(c, stoppedAt - grace) is { } why ? $"{c.CaseId}: {why}" : null).OfType<string>().ToList();
        var recorded = ledger.Commands;
        foreach (var (caseId, commandId) in recorded)
        {
            if (await log.IsAppliedAsync(caseId, commandId, cancellationToken).ConfigureAwait(false) is not { } applied)
            {
                violations.Add($"command {commandId} of {caseId} is missing from its command log");
            }
            else if (!applied)
            {
                violations.Add($"command {commandId} of {caseId} was never applied");
            }
        }

        var byStatus = cases.GroupBy(Describe).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return InvariantResult.Of(Name, violations, $"{string.Join(", ", byStatus)}; {recorded.Count:N0} commands recorded, all applied");
    }

    /// <summary>Whether a case has settled for good once the traffic has stopped: finished, or waiting for a person.</summary>
    public static bool IsSettled(CaseAtRest c) => c.Unapplied.Count == 0 && (IsFinished(c) || IsWaitingForPerson(c));

    /// <summary>Why a case is stuck, or null when it is not.</summary>
    public static string? WhyStuck(CaseAtRest c, DateTimeOffset overdueBefore)
    {
        if (c.Stored is null)
        {
            return "never opened";
        }

        if (c.Unapplied.Count > 0)
        {
            return $"{c.Unapplied.Count} command(s) never applied ({string.Join(", ", c.Unapplied.Take(3))})";
        }

        if (IsFinished(c) || IsWaitingForPerson(c))
        {
            return null;
        }

        var s = c.Stored.State;
        if (!s.IsOpen)
        {
            return $"{s.Status}, {(s.Timer is { } pending ? $"a timer due {pending.DueAt:O}" : "no timer")}, its workflow {Status(c)}";
        }

        if (!IsRunning(c))
        {
            return $"{s.Status} at {s.Stage}, its workflow {Status(c)}";
        }

        return s.Timer switch
        {
            null => $"{s.Status} at {s.Stage} with no timer",
            { } timer when timer.DueAt < overdueBefore => $"{s.Status} at {s.Stage}, its timer due {timer.DueAt:O}, overdue since before {overdueBefore:O}",
            _ => null,
        };
    }

    /// <summary>Ended with nothing left: its workflow completed, or completed and purged from the task hub (absent).</summary>
    private static bool IsFinished(CaseAtRest c) =>
        c.Stored?.State is { Status: CaseStatus.Closed or CaseStatus.HandedToLegal, Timer: null }
        && c.Workflow?.RuntimeStatus is null or OrchestrationRuntimeStatus.Completed;

    private static bool IsWaitingForPerson(CaseAtRest c) =>
        c.Stored?.State is { Status: CaseStatus.Paused, PausedUntil: null } or { IsOpen: true, Disputed: true } && IsRunning(c);

    private static bool IsRunning(CaseAtRest c) => c.Workflow?.RuntimeStatus == OrchestrationRuntimeStatus.Running;

    private static string Status(CaseAtRest c) => c.Workflow?.RuntimeStatus.ToString() ?? "absent";

    private static string Describe(CaseAtRest c) => c.Stored?.State switch
    {
        null => "never opened",
        { Status: CaseStatus.Closed } s => $"closed ({s.ClosedReason})",
        { Status: CaseStatus.HandedToLegal } => "handed to legal",
        { Disputed: true } => "disputed",
        { Status: CaseStatus.Paused, PausedUntil: null } => "paused by a supervisor",
        _ => "waiting on a timer",
    };
}
