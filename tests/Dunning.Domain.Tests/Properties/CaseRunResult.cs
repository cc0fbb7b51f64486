namespace Dunning.Domain.Tests;

/// <summary>What a run did: every decision in order, under the policy the case pinned. <see cref="Truncated"/> is set
/// when the run hit the decision cap with work still pending.</summary>
public sealed record CaseRunResult(CaseRun Run, EscalationPolicy Policy, TimeZoneInfo Zone, IReadOnlyList<RunDecision> Decisions, bool Truncated)
{
    public IReadOnlyList<CaseEvent> History { get; } = Decisions.SelectMany(decision => decision.Events).ToList();

    public CaseState Final => Decisions[^1].After;

    /// <summary>The history around event <paramref name="index"/> (or all of it), one line per event, for failure messages.</summary>
    public string Describe(int? index = null) => HistoryText.Of(History, Zone, index);
}
