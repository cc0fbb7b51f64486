namespace Dunning.Domain;

/// <summary>Repayment plans: an installment is missed <paramref name="GraceDays"/> after its due date; a plan may run
/// at most <paramref name="MaxMonths"/>; a willing-but-unable debtor gets <paramref name="HoldForPlanDays"/> to agree one.</summary>
public sealed record PlanRules(int GraceDays, int MaxMonths, int HoldForPlanDays);
