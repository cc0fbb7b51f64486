using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>The input of one generation of a case's workflow. The first generation carries <see cref="Open"/> (a new
/// case) or nothing (a case restarted from its stored snapshot); every later one, started by ContinueAsNew, carries the
/// snapshot and the work still in hand: commands to decide next (<see cref="Backlog"/>: effects' follow-ups, a timer
/// whose commit failed), effects not carried out yet, a timer the decider failed on, and the business instant the case
/// has reached (<see cref="Floor"/>: time in a case never runs backwards). <see cref="ActivitiesPerGeneration"/> bounds
/// each generation's history (it travels in the input because the orchestrator reads no configuration).</summary>
public sealed record CaseRun(
    string CaseId,
    BusinessClock Clock,
    OpenCase? Open = null,
    CaseSnapshot? Snapshot = null,
    IReadOnlyList<CaseCommand>? Backlog = null,
    IReadOnlyList<EffectRequest>? Undelivered = null,
    string? StuckTimer = null,
    DateTimeOffset? Floor = null,
    int Generation = 1,
    int ActivitiesPerGeneration = CaseWorkflow.ActivitiesPerGeneration);
