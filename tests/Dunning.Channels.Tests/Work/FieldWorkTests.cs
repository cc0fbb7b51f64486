using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests;

/// <summary>The rules behind the field-work endpoints: listing, assigning, and outcomes that reach the case's inbox.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FieldWorkTests(AzuriteFixture azurite)
{
    private static readonly Actor Supervisor = new("sup-1", ActorKind.Supervisor);

    [Fact]
    public async Task Given_a_scheduled_visit_When_a_promise_is_reported_Then_the_case_gets_one_ReportVisitOutcome_and_a_repeat_conflicts()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var visit = await h.Work.CreateAsync(Item("c30", "k4", WorkItemKind.Visit));
        var request = new VisitOutcomeRequest("promised", "Debtor will pay half next week", new PromiseRequest(6000m, new DateOnly(2026, 12, 11)));

        var result = await h.FieldWork.ReportVisitOutcomeAsync(visit.Id, request, Supervisor);
        var repeat = await h.FieldWork.ReportVisitOutcomeAsync(visit.Id, request, Supervisor);

        Assert.Equal((WorkResultKind.Accepted, "visit-outcome-c30-k4"), (result.Kind, result.MessageId));
        Assert.Equal(WorkResultKind.Conflict, repeat.Kind);
        var (messageId, command) = Assert.Single(h.CommandsFor("c30"));
        var reported = Assert.IsType<ReportVisitOutcome>(command);
        Assert.Equal("visit-outcome-c30-k4", messageId);
        Assert.Equal((VisitOutcome.Promised, "c30-k4", new Money(6000m, "CNY"), new DateOnly(2026, 12, 11)),
            (reported.Outcome, reported.VisitId, reported.PromisedAmount, reported.PromisedDate));
        Assert.Equal((Supervisor, "Debtor will pay half next week"), (reported.By, reported.Reason));
        var stored = await h.Work.GetAsync(WorkItemKind.Visit, visit.Id);
        Assert.Equal((WorkItemStatus.Completed, "Promised", true, "sup-1"), (stored!.Status, stored.Outcome, stored.CommandSent, stored.CompletedBy));
    }

    [Fact]
    public async Task Given_a_completion_whose_command_was_not_sent_When_reported_again_Then_the_stored_outcome_is_sent()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        await h.Work.CreateAsync(Item("c31", "k2", WorkItemKind.Visit) with
        {
            Status = WorkItemStatus.Completed, Outcome = "NotHome", CompletedAt = ChannelHarness.Start, CommandSent = false,
        });

        var result = await h.FieldWork.ReportVisitOutcomeAsync("c31-k2", new VisitOutcomeRequest("NotHome", null, null), Supervisor);

        Assert.Equal(WorkResultKind.Accepted, result.Kind);
        Assert.Equal(VisitOutcome.NotHome, Assert.IsType<ReportVisitOutcome>(Assert.Single(h.CommandsFor("c31")).Command).Outcome);
        Assert.True((await h.Work.GetAsync(WorkItemKind.Visit, "c31-k2"))!.CommandSent);
    }

    [Theory]
    [InlineData(null, null, "outcome")]
    [InlineData("Vanished", null, "outcome")]
    [InlineData("3", null, "outcome")]
    [InlineData("Promised", null, "promise")]
    [InlineData("Met", "100", "promise")]
    [InlineData("Promised", "-5", "promise.amount")]
    [InlineData("Promised", "10.001", "promise.amount")]
    public async Task Given_a_bad_visit_outcome_Then_it_is_invalid_and_nothing_is_sent(string? outcome, string? amount, string field)
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        await h.Work.CreateAsync(Item("c32", "k1", WorkItemKind.Visit));
        var promise = amount is null ? null : new PromiseRequest(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 12, 20));

        var result = await h.FieldWork.ReportVisitOutcomeAsync("c32-k1", new VisitOutcomeRequest(outcome, null, promise), Supervisor);

        Assert.Equal(WorkResultKind.Invalid, result.Kind);
        Assert.Contains(field, result.Errors!.Keys);
        Assert.Empty(h.CommandsFor("c32"));
        Assert.Equal(WorkItemStatus.Scheduled, (await h.Work.GetAsync(WorkItemKind.Visit, "c32-k1"))!.Status);
    }

    [Fact]
    public async Task Given_a_promise_dated_before_the_debtors_today_Then_it_is_invalid()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        await h.Work.CreateAsync(Item("c33", "k1", WorkItemKind.Visit));

        var result = await h.FieldWork.ReportVisitOutcomeAsync("c33-k1",
            new VisitOutcomeRequest("Promised", null, new PromiseRequest(100m, new DateOnly(2026, 12, 3))), Supervisor);

        Assert.Contains("promise.date", result.Errors!.Keys);
    }

    [Fact]
    public async Task Given_unknown_ids_Then_not_found()
    {
        var h = await ChannelHarness.CreateAsync(azurite);

        Assert.Equal(WorkResultKind.NotFound, (await h.FieldWork.ReportVisitOutcomeAsync("nope", new VisitOutcomeRequest("Met", null, null), Supervisor)).Kind);
        Assert.Equal(WorkResultKind.NotFound, (await h.FieldWork.ReportCallOutcomeAsync("nope", new CallOutcomeRequest(true, null), Supervisor)).Kind);
        Assert.Equal(WorkResultKind.NotFound, (await h.FieldWork.AssignAsync(WorkItemKind.Visit, "nope", new AssignmentRequest("ann", null))).Kind);
    }

    [Fact]
    public async Task Given_an_open_call_When_it_connected_Then_the_case_gets_a_successful_call_delivery()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        await h.Work.CreateAsync(Item("c34", "k3", WorkItemKind.Call));

        var missing = await h.FieldWork.ReportCallOutcomeAsync("c34-k3", new CallOutcomeRequest(null, null), Supervisor);
        var result = await h.FieldWork.ReportCallOutcomeAsync("c34-k3", new CallOutcomeRequest(true, "Spoke with debtor"), Supervisor);

        Assert.Contains("connected", missing.Errors!.Keys);
        Assert.Equal(WorkResultKind.Accepted, result.Kind);
        var (messageId, command) = Assert.Single(h.CommandsFor("c34"));
        var delivery = Assert.IsType<ReportDelivery>(command);
        Assert.Equal(("call-outcome-c34-k3", "k3", ContactChannel.Call, true, "Spoke with debtor"),
            (messageId, delivery.ContactId, delivery.Channel, delivery.Succeeded, delivery.Detail));
        Assert.Equal(WorkResultKind.Conflict, (await h.FieldWork.ReportCallOutcomeAsync("c34-k3", new CallOutcomeRequest(false, null), Supervisor)).Kind);
    }

    [Fact]
    public async Task Given_open_work_Then_it_can_be_assigned_to_a_collector_and_a_region_but_not_once_closed()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        await h.Work.CreateAsync(Item("c35", "k1", WorkItemKind.Visit));
        await h.Work.CreateAsync(Item("c35", "k2", WorkItemKind.Visit) with { Status = WorkItemStatus.Cancelled, CancelReason = "closed" });

        var collector = await h.FieldWork.AssignAsync(WorkItemKind.Visit, "c35-k1", new AssignmentRequest(" ann ", null));
        var region = await h.FieldWork.AssignAsync(WorkItemKind.Visit, "c35-k1", new AssignmentRequest(null, "Pudong"));
        var empty = await h.FieldWork.AssignAsync(WorkItemKind.Visit, "c35-k1", new AssignmentRequest(" ", null));
        var closed = await h.FieldWork.AssignAsync(WorkItemKind.Visit, "c35-k2", new AssignmentRequest("ann", null));

        Assert.Equal(WorkResultKind.Ok, collector.Kind);
        Assert.Equal(("ann", "Pudong"), (region.Item!.AssignedCollector, region.Item.AssignedRegion));
        Assert.Equal(WorkResultKind.Invalid, empty.Kind);
        Assert.Equal(WorkResultKind.Conflict, closed.Kind);
    }

    [Fact]
    public async Task Listing_filters_by_status_and_refuses_an_unknown_one()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        await h.Work.CreateAsync(Item("c36", "k1", WorkItemKind.Visit));
        await h.Work.CreateAsync(Item("c36", "k2", WorkItemKind.Visit) with { Status = WorkItemStatus.Completed });
        await h.Work.CreateAsync(Item("c36", "k3", WorkItemKind.Call));

        var scheduled = await h.FieldWork.ListAsync(WorkItemKind.Visit, "scheduled");
        var all = await h.FieldWork.ListAsync(WorkItemKind.Visit, null);
        var calls = await h.FieldWork.ListAsync(WorkItemKind.Call, "Open");
        var bad = await h.FieldWork.ListAsync(WorkItemKind.Visit, "Lost");

        Assert.Equal(["c36-k1"], scheduled.Items!.Select(i => i.Id));
        Assert.Equal(2, all.Items!.Count);
        Assert.Equal(["c36-k3"], calls.Items!.Select(i => i.Id));
        Assert.Contains("status", bad.Errors!.Keys);
    }

    public static WorkItem Item(string caseId, string contactId, WorkItemKind kind, DateOnly? date = null) => new()
    {
        Id = WorkItem.IdFor(caseId, contactId),
        Kind = kind,
        CaseId = caseId,
        ContactId = contactId,
        Step = kind == WorkItemKind.Visit ? "field-visit" : "first-overdue",
        Status = kind == WorkItemKind.Visit ? WorkItemStatus.Scheduled : WorkItemStatus.Open,
        CreatedAt = ChannelHarness.Start,
        NotBefore = ChannelHarness.Start,
        TimeZone = "Asia/Shanghai",
        LocalDate = date ?? new DateOnly(2026, 12, 4),
        DebtorName = "李伟",
        AccountId = "ACC-88001",
        InvoiceId = "INV-2026-0042",
        Outstanding = new Money(12345.67m, "CNY"),
        Phone = kind == WorkItemKind.Call ? "+8613800138000" : null,
        Address = kind == WorkItemKind.Visit ? "88 Century Ave" : null,
    };
}
