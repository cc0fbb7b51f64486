namespace Dunning.Domain;

/// <summary>What the debtor owes on <paramref name="AsOf"/>: outstanding principal, accrued penalty interest and fees.</summary>
public sealed record ClaimBreakdown(DateOnly AsOf, Money Principal, Money PenaltyInterest, Money Fees)
{
    public Money Total => Principal + PenaltyInterest + Fees;
}
