namespace Dunning.Workflow;

/// <summary>What a commit found: <see cref="CommitOutcome.Committed"/> (with the state row's new ETag, and the instant
/// the committed decision was made at, so a workflow can tell its own commit's result from the result of a commit an
/// earlier, lost execution of the same step made), the command already applied by an earlier commit, or the case changed
/// by someone else; the last two carry the case as stored, which the workflow adopts.</summary>
public sealed record CommitResult(CommitOutcome Outcome, string? ETag, CaseSnapshot? Current, DateTimeOffset? DecidedAt = null)
{
    public static CommitResult Committed(string? etag, DateTimeOffset? decidedAt = null) => new(CommitOutcome.Committed, etag, null, decidedAt);
}

/// <summary>See <see cref="CommitResult"/>.</summary>
public enum CommitOutcome
{
    Committed,
    AlreadyApplied,
    Conflict,
}
