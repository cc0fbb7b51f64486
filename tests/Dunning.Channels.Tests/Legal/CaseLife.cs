using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>Drives the real decider through a case's whole ladder, including a part payment and the documents the
/// channels report back, and stores the result where the channels read cases from.</summary>
public static class CaseLife
{
    public static readonly EscalationPolicy Policy = PolicyCatalog.Default.Find("default", 1)!;

    public static CaseState RunToLegal(InMemoryCaseRecords store, string accountId)
    {
        var open = new OpenCase(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), accountId, "INV-1",
            new Debtor("李伟", "+8613800138000", "li.wei@example.com", "Asia/Shanghai", "zh-CN", "88 Century Ave, Pudong, Shanghai"),
            new Money(12000m, "CNY"), new DateOnly(2026, 11, 20), "default", 1, new Actor("test", ActorKind.Operator));
        var caseId = open.CaseId;
        CaseState? state = null;
        var history = new List<CaseEvent>();

        IReadOnlyList<CaseEvent> Apply(CaseCommand command)
        {
            var events = CaseDecider.Decide(state, command, Policy);
            state = events.Aggregate(state, CaseEvolution.Evolve);
            history.AddRange(events);
            return events;
        }

        Apply(open);
        var paid = false;
        for (var i = 0; i < 60 && state!.Status != CaseStatus.HandedToLegal; i++)
        {
            var timer = state.Timer ?? throw new InvalidOperationException($"Case stuck at {state.Stage} without a timer.");
            var events = Apply(new FireTimer(timer.DueAt, timer.Token));
            foreach (var notice in events.OfType<NoticeIssued>())
            {
                var kind = notice.Kind == StepAction.LawyerLetter ? DocumentKind.LawyerLetter : DocumentKind.DemandNotice;
                Apply(new RecordDocument(notice.At, kind, notice.ContactId, $"docs/cases/{caseId}/{notice.ContactId}.html",
                    new string((char)('a' + notice.ContactId.Length), 64)));
            }

            if (!paid && state!.Stage == "first-overdue")
            {
                paid = true;
                Apply(new ReceivePayment(timer.DueAt.AddHours(1), "pay-1", new Money(2000m, "CNY")));
            }
        }

        Assert.Equal(CaseStatus.HandedToLegal, state!.Status);
        store.Store(state, history);
        return state;
    }
}
