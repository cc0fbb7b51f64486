namespace Dunning.Domain;

/// <summary>Open a case for an overdue (or soon due) invoice under a pinned policy version.</summary>
public sealed record OpenCase(
    DateTimeOffset Now,
    string AccountId,
    string InvoiceId,
    Debtor Debtor,
    Money AmountDue,
    DateOnly DueDate,
    string PolicyId,
    int PolicyVersion,
    Actor By,
    string? CampaignId = null) : CaseCommand(Now)
{
    public string CaseId => CaseIds.For(AccountId, InvoiceId);
}
