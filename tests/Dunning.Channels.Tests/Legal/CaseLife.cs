using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Channels.Tests;

/// <summary>Drives the real decider through a case's whole ladder and stores every decision in the case store as the
/// processor would (one commit per command), including a part payment and the documents the channels report back.</summary>
public static class CaseLife
{
    public static readonly EscalationPolicy Policy = PolicyCatalog.Default.Find("default", 1)!;

    public static async Task<CaseState> RunToLegalAsync(CaseStore store, string accountId)
    {
        var open = new OpenCase(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), accountId, "INV-1",
            new Debtor("李伟", "+8613800138000", "li.wei@example.com", "Asia/Shanghai", "zh-CN", "88 Century Ave, Pudong, Shanghai"),
            new Money(12000m, "CNY"), new DateOnly(2026, 11, 20), "default", 1, new Actor("test", ActorKind.Operator));
        var caseId = open.CaseId;
        CaseState? state = null;
        var messages = 0;

        async Task<IReadOnlyList<CaseEvent>> ApplyAsync(CaseCommand command)
        {
            var events = CaseDecider.Decide(state, command, Policy);
            var loaded = await store.LoadAsync(caseId, null);
            state = events.Aggregate(state, CaseEvolution.Evolve);
            Assert.NotNull(await store.CommitAsync(loaded, state!, events, [], [], $"m{messages++}", command.Now));
            return events;
        }

        await ApplyAsync(open);
        var paid = false;
        for (var i = 0; i < 60 && state!.Status != CaseStatus.HandedToLegal; i++)
        {
            var timer = state.Timer ?? throw new InvalidOperationException($"Case stuck at {state.Stage} without a timer.");
            var events = await ApplyAsync(new FireTimer(timer.DueAt, timer.Token));
            foreach (var notice in events.OfType<NoticeIssued>())
            {
                var kind = notice.Kind == StepAction.LawyerLetter ? DocumentKind.LawyerLetter : DocumentKind.DemandNotice;
                await ApplyAsync(new RecordDocument(notice.At, kind, notice.ContactId, $"docs/cases/{caseId}/{notice.ContactId}.html",
                    new string((char)('a' + notice.ContactId.Length), 64)));
            }

            if (!paid && state!.Stage == "first-overdue")
            {
                paid = true;
                await ApplyAsync(new ReceivePayment(timer.DueAt.AddHours(1), "pay-1", new Money(2000m, "CNY")));
            }
        }

        Assert.Equal(CaseStatus.HandedToLegal, state!.Status);
        return state;
    }
}
