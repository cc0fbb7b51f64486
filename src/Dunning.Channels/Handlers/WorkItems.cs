using Dunning.Channels.Work;
using Dunning.Domain;

namespace Dunning.Channels.Handlers;

/// <summary>Builds a new work item from an effect.</summary>
internal static class WorkItems
{
    public static WorkItem From(EffectContext context, string contactId, string step, MessageFacts facts, WorkItemKind kind,
        DateTimeOffset notBefore, DateOnly localDate) => new()
    {
        Id = WorkItem.IdFor(context.CaseId, contactId),
        Kind = kind,
        CaseId = context.CaseId,
        ContactId = contactId,
        Step = step,
        Status = kind == WorkItemKind.Visit ? WorkItemStatus.Scheduled : WorkItemStatus.Open,
        CreatedAt = context.Now,
        NotBefore = notBefore,
        TimeZone = facts.TimeZone,
        LocalDate = localDate,
        DebtorName = facts.DebtorName,
        AccountId = facts.AccountId,
        InvoiceId = facts.InvoiceId,
        Outstanding = facts.Outstanding,
    };
}
