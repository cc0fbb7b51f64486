namespace Dunning.Channels.Work;

/// <summary>Where a work item stands. Calls start Open, visits Scheduled; both end Completed (with an outcome) or
/// Cancelled (the case closed or went to legal).</summary>
public enum WorkItemStatus
{
    Open,
    Scheduled,
    Completed,
    Cancelled,
}
