namespace Dunning.Domain;

/// <summary>An agreed plan: escalation waits while installments are paid; <see cref="Paid"/> counts payments since the
/// plan was agreed and <see cref="NextInstallment"/> is the first installment not yet checked.</summary>
public sealed record RepaymentPlan(IReadOnlyList<Installment> Installments, Money Paid, int NextInstallment)
{
    public Money DueThrough(int index)
    {
        var total = Money.Zero(Paid.Currency);
        for (var i = 0; i <= index && i < Installments.Count; i++)
        {
            total += Installments[i].Amount;
        }

        return total;
    }
}
