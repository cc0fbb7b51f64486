namespace Dunning.Workflow;

/// <summary>What a commit found: <see cref="CommitOutcome.Committed"/> (with the state row's new ETag), the command
/// already applied by an earlier commit, or the case changed by someone else; the last two carry the case as stored,
/// which the workflow adopts.</summary>
public sealed record CommitResult(CommitOutcome Outcome, string? ETag, CaseSnapshot? Current)
{
    public static CommitResult Committed(string? etag) => new(CommitOutcome.Committed, etag, null);
}

/// <summary>See <see cref="CommitResult"/>.</summary>
public enum CommitOutcome
{
    Committed,
    AlreadyApplied,
    Conflict,
}
