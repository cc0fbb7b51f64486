using System.Text.Json.Serialization;
using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>A case as committed: its state, the number of effects it has produced so far (the next effect's key
/// follows it), the operator flag (a decision or an effect kept failing; null when none), the state row's ETag,
/// the guard of the next commit, and the business instant its last commit was decided at (null for rows written before
/// it was kept): with it a workflow recognises a decision of its own that an episode lost with its host committed.
/// <see cref="InLegacyRow"/> says the state was read from the row key every case shared before keys named their case
/// (<see cref="CaseRows.LegacyState"/>): the next commit moves it. The case's workflow holds one in memory; the API
/// reads one with a point read.</summary>
public sealed record CaseSnapshot(CaseState State, long EffectSeq, string? Flag, string ETag, DateTimeOffset? DecidedAt = null, bool InLegacyRow = false)
{
    [JsonIgnore]
    public bool Flagged => Flag is not null;
}
