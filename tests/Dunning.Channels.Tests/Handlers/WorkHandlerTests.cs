using Dunning.Channels.Handlers;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests;

/// <summary>Call tasks, field visits and their cancellation, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkHandlerTests(AzuriteFixture azurite)
{
    // 09:00 in Shanghai on 2026-12-04 is 01:00 UTC the same day.
    private static readonly DateTimeOffset NineInShanghai = new(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_a_call_task_When_handled_twice_Then_one_open_item_holds_the_window_start_and_the_local_date()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var handler = new CallTaskHandler(h.Work, NullLogger<CallTaskHandler>.Instance);
        var context = ChannelHarness.Context("c10", 5, new CreateCallTask("k3", "first-overdue", "+8613800138000", NineInShanghai, Samples.ChineseFacts("c10")));

        var first = await handler.HandleAsync(context);
        var second = await handler.HandleAsync(context);

        Assert.Equal(first.FollowUps, second.FollowUps);
        var call = Assert.Single(await h.Work.ListAsync(WorkItemKind.Call));
        Assert.Equal(("c10-k3", WorkItemStatus.Open, "+8613800138000"), (call.Id, call.Status, call.Phone));
        Assert.Equal((NineInShanghai, "Asia/Shanghai", new DateOnly(2026, 12, 4)), (call.NotBefore, call.TimeZone, call.LocalDate));
        Assert.Equal(("ACC-88001", "INV-2026-0042", new Money(12345.67m, "CNY")), (call.AccountId, call.InvoiceId, call.Outstanding));
    }

    [Fact]
    public async Task Given_a_visit_When_handled_twice_Then_one_scheduled_visit_on_the_debtors_date_at_the_address()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var handler = new VisitHandler(h.Work, NullLogger<VisitHandler>.Instance);
        var effect = new ScheduleVisit("k4", "field-visit", "88 Century Ave", new DateOnly(2026, 12, 4), NineInShanghai, Samples.ChineseFacts("c11"));

        await handler.HandleAsync(ChannelHarness.Context("c11", 6, effect));
        await handler.HandleAsync(ChannelHarness.Context("c11", 6, effect));

        var visit = Assert.Single(await h.Work.ListAsync(WorkItemKind.Visit, WorkItemStatus.Scheduled));
        Assert.Equal(("c11-k4", "88 Century Ave", new DateOnly(2026, 12, 4), NineInShanghai), (visit.Id, visit.Address, visit.LocalDate, visit.NotBefore));
        Assert.Empty(await h.Work.ListAsync(WorkItemKind.Call));
    }

    [Fact]
    public async Task Given_open_work_of_two_cases_When_one_case_closes_Then_only_its_items_are_cancelled_once()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var calls = new CallTaskHandler(h.Work, NullLogger<CallTaskHandler>.Instance);
        var visits = new VisitHandler(h.Work, NullLogger<VisitHandler>.Instance);
        await calls.HandleAsync(ChannelHarness.Context("c12", 1, new CreateCallTask("k1", "first-overdue", "+1", NineInShanghai, Samples.ChineseFacts("c12"))));
        await visits.HandleAsync(ChannelHarness.Context("c12", 2, new ScheduleVisit("k2", "field-visit", "a", new DateOnly(2026, 12, 4), NineInShanghai, Samples.ChineseFacts("c12"))));
        await calls.HandleAsync(ChannelHarness.Context("c13", 1, new CreateCallTask("k1", "first-overdue", "+1", NineInShanghai, Samples.ChineseFacts("c13"))));
        var cancel = new CancelOpenWorkHandler(h.Work, NullLogger<CancelOpenWorkHandler>.Instance);
        var context = ChannelHarness.Context("c12", 9, new CancelOpenWork("closed: Settled"));

        await cancel.HandleAsync(context);
        await cancel.HandleAsync(context);

        var call = await h.Work.GetAsync(WorkItemKind.Call, "c12-k1");
        var visit = await h.Work.GetAsync(WorkItemKind.Visit, "c12-k2");
        Assert.Equal((WorkItemStatus.Cancelled, "closed: Settled"), (call!.Status, call.CancelReason));
        Assert.Equal(WorkItemStatus.Cancelled, visit!.Status);
        Assert.Equal(WorkItemStatus.Open, (await h.Work.GetAsync(WorkItemKind.Call, "c13-k1"))!.Status);
        Assert.Empty(await h.Work.ListOpenForCaseAsync("c12"));
    }
}
