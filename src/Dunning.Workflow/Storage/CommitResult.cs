using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>What a commit found: <see cref="CommitOutcome.Committed"/> (with the state row's new ETag, and the instant
/// the committed decision was made at, so a workflow can tell its own commit's result from the result of a commit an
/// earlier, lost execution of the same step made), the command already applied by an earlier commit, or the case changed
/// by someone else. The last two carry the case as stored, which the workflow adopts, and the decisions committed since
/// the version the workflow held (<see cref="Missed"/>, each as the events one commit wrote): an execution of this same
/// workflow that was lost after its commit (a host killed, an episode replaced) never carried out their effects, so the
/// workflow derives and carries them out.</summary>
public sealed record CommitResult(CommitOutcome Outcome, string? ETag, CaseSnapshot? Current,
    IReadOnlyList<IReadOnlyList<CaseEvent>>? Missed = null, DateTimeOffset? DecidedAt = null)
{
    public static CommitResult Committed(string? etag, DateTimeOffset? decidedAt = null) => new(CommitOutcome.Committed, etag, null, DecidedAt: decidedAt);
}

/// <summary>See <see cref="CommitResult"/>.</summary>
public enum CommitOutcome
{
    Committed,
    AlreadyApplied,
    Conflict,
}
