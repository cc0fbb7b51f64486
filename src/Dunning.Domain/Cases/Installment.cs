namespace Dunning.Domain;

/// <summary>One payment of a repayment plan, due on the debtor's local date.</summary>
public sealed record Installment(DateOnly DueDate, Money Amount);
