namespace Dunning.Domain.Tests;

/// <summary>Decider bugs these properties found and that are still open. While one is open the general generator
/// steers around it (so the other invariants keep being checked) and a dedicated, skipped property reproduces it.
/// When the bug is fixed: set its flag to false and remove the Skip from its property.</summary>
internal static class KnownDeciderBugs
{
    /// <summary>A partial payment on a local date before the due date appends a BalanceChange dated before the
    /// opening one (dated on the due date), and ClaimCalculator.For then throws "Balance changes must be ordered by
    /// date" at the first step that states a claim (supervisor report, notices, legal hand-off), on every retry.
    /// Reproduced by <see cref="CaseRunProperties.APartialPaymentBeforeTheDueDate_DoesNotStopTheLadder"/>.</summary>
    public static readonly bool PartialPaymentBeforeTheDueDateBreaksTheClaim = true;
}
