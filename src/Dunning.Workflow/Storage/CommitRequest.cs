using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>One decision of a case's workflow, to be written in one entity-group transaction: the state after it (the
/// row replaced under <see cref="ETag"/>, or added for a new case), its events as history rows numbered from
/// <see cref="BaseVersion"/> + 1, and the logged commands it settles (several when a burst was decided together). <see cref="DecidedAt"/> and
/// <see cref="PreviousStatus"/> let the commit write the read models as of the decision; <see cref="TraceParent"/> is the
/// trace of the command decided (see <see cref="WorkflowTelemetry"/>); <see cref="StateInLegacyRow"/> that
/// <see cref="ETag"/> is the legacy state row's (<see cref="CaseSnapshot.InLegacyRow"/>), which this commit replaces by
/// the case's own.</summary>
public sealed record CommitRequest(
    string CaseId,
    int BaseVersion,
    string? ETag,
    CaseStatus? PreviousStatus,
    CaseState State,
    IReadOnlyList<CaseEvent> Events,
    long EffectSeq,
    string? Flag,
    bool FlagChanged,
    IReadOnlyList<SettledCommand> Commands,
    DateTimeOffset DecidedAt,
    string? TraceParent = null,
    bool StateInLegacyRow = false)
{
    /// <summary>Whether the state row is written: it changes with events, and with the flag.</summary>
    public bool WritesState => Events.Count > 0 || FlagChanged;
}

/// <summary>A logged command a commit marks applied, guarded by the ETag its row was read with; <see cref="Failure"/>
/// says why it was applied without effect (the decider failed on it); <see cref="PendingETag"/> is its pending row's,
/// so that row goes with one delete.</summary>
public sealed record SettledCommand(string Id, string ETag, string? Failure = null, string? PendingETag = null);
