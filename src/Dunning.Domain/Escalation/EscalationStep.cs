namespace Dunning.Domain;

/// <summary>One rung of the ladder: on the debtor's local date due date + <paramref name="OffsetDays"/>, at local
/// time <paramref name="At"/>, do <paramref name="Actions"/> (or <paramref name="Otherwise"/> when the condition fails).
/// <paramref name="DeadlineDays"/> is the payment deadline a written notice states.</summary>
public sealed record EscalationStep(
    string Name,
    int OffsetDays,
    TimeOnly At,
    IReadOnlyList<StepAction> Actions,
    StepCondition? Condition = null,
    IReadOnlyList<StepAction>? Otherwise = null,
    int? DeadlineDays = null);
