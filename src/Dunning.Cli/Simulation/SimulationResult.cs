using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>The outcome of a dry run: every event in the order the decider emitted it (each carries its instant), the
/// case as it ended, the debtor's zone to read the instants in, and why the run stopped.</summary>
public sealed record SimulationResult(
    IReadOnlyList<CaseEvent> Events,
    CaseState? FinalState,
    TimeZoneInfo Zone,
    string StoppedBecause);
