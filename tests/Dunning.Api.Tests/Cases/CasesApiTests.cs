using System.Net;
using System.Text.Json.Nodes;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>POST /api/cases (idempotent on account and invoice), GET a case, its history, and pages of cases.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CasesApiTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Fact]
    public async Task GivenANewInvoice_WhenOpened_Then201WithLocationAndTheCase()
    {
        var request = CaseRequests.Valid();

        using var response = await _api.Operator.PostJsonAsync("/api/cases", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var caseId = body.Str("caseId");
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location?.ToString());
        Assert.Equal(request["accountId"]!.GetValue<string>(), body.Str("accountId"));
        Assert.Equal("INV-2026-0042", body.Str("invoiceId"));
        Assert.Equal("Active", body.Str("status"));
        Assert.Equal("opened", body.Str("stage"));
        Assert.Equal(12000.00m, body.GetProperty("outstanding").GetProperty("amount").GetDecimal());
        Assert.Equal("CNY", body.GetProperty("outstanding").Str("currency"));
        Assert.Equal(2, body.GetProperty("outstanding").EnumerateObject().Count());
        Assert.Equal(0, body.GetProperty("daysPastDue").GetInt32());
        Assert.Equal("Current", body.Str("bucket"));
        Assert.Equal("medium", body.Str("severity"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("debtorType").ValueKind);
        Assert.Equal("pre-due-reminder", body.GetProperty("nextAction").Str("step"));
        Assert.Equal("2026-11-17T09:00:00+08:00", body.GetProperty("nextAction").Str("dueAt"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("pausedUntil").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("closedReason").ValueKind);
        Assert.True(body.GetProperty("version").GetInt32() >= 1);
    }

    [Fact]
    public async Task GivenNewInvoices_WhenEachOpenAnswers201_ThenTheCaseIsAlreadyListed()
    {
        var index = _api.Get<ReadModelStore>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var caseId = (await response.JsonAsync()).Str("caseId");

            // Read at once, with no wait: the list a caller asks for next must show the case it was just given.
            Assert.True(await index.IsListedAsync(CaseStatus.Active, caseId), $"case {i + 1} of 10 was answered before it was listed");
        }
    }

    [Fact]
    public async Task GivenAnOpenCase_WhenTheSameRequestComesAgain_Then200WithTheSameCase()
    {
        var request = CaseRequests.Valid();
        using var first = await _api.Operator.PostJsonAsync("/api/cases", request);
        var caseId = (await first.JsonAsync()).Str("caseId");

        using var again = await _api.Operator.PostJsonAsync("/api/cases", request);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(caseId, (await again.JsonAsync()).Str("caseId"));
        var history = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}/history");
        Assert.Single(history.Items(), h => h.Str("type") == "CaseOpened");
    }

    [Fact]
    public async Task GivenAnOpenCase_WhenTheSameInvoiceComesWithAnotherAmountOrDueDate_Then409()
    {
        var request = CaseRequests.Valid();
        using var first = await _api.Operator.PostJsonAsync("/api/cases", request);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var otherAmount = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(request["accountId"]!.GetValue<string>(), amount: 99m));
        using var otherDate = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(request["accountId"]!.GetValue<string>(), dueDate: "2026-12-01"));

        await otherAmount.AssertProblemAsync(HttpStatusCode.Conflict);
        await otherDate.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GivenNoSuchCase_WhenReadOrItsHistoryIsRead_Then404Problem()
    {
        using var read = await _api.Viewer.GetAsync("/api/cases/c000000000000000000000000");
        using var history = await _api.Viewer.GetAsync("/api/cases/c000000000000000000000000/history");
        using var odd = await _api.Viewer.GetAsync("/api/cases/a%5Cb");

        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        await history.AssertProblemAsync(HttpStatusCode.NotFound);
        await odd.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GivenAnOpenedCase_WhenItsHistoryIsRead_ThenOldestFirstWithActorTypeAndData()
    {
        using var opened = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid());
        var caseId = (await opened.JsonAsync()).Str("caseId");

        var history = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}/history");

        var items = history.Items().ToList();
        Assert.Equal(Enumerable.Range(1, items.Count).Select(i => (long)i), items.Select(i => i.GetProperty("seq").GetInt64()));
        var first = items[0];
        Assert.Equal("CaseOpened", first.Str("type"));
        Assert.Equal("test-operator", first.Str("actor"));
        Assert.True(DateTimeOffset.TryParse(first.Str("at"), out _));
        var data = first.GetProperty("data");
        Assert.Equal(caseId, data.Str("caseId"));
        Assert.Equal("CN", data.GetProperty("debtor").Str("jurisdiction"));
        Assert.False(data.TryGetProperty("at", out _));
        Assert.False(data.TryGetProperty("type", out _));
        Assert.False(data.TryGetProperty("by", out _));
    }

    [Fact]
    public async Task GivenSeveralCases_WhenListedPageByPage_ThenEveryCaseComesOnceAndFiltersApply()
    {
        var ids = new List<string>();
        foreach (var due in new[] { "2026-11-20", "2026-11-10", "2026-09-01" })
        {
            using var response = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(dueDate: due));
            ids.Add((await response.JsonAsync()).Str("caseId"));
        }

        // The index follows the cases from their commits; wait until it lists all three.
        await _api.Viewer.WaitForAsync("/api/cases?pageSize=1000", page => ids.All(id => page.GetProperty("items").Items().Any(i => i.Str("caseId") == id)));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = "/api/cases?pageSize=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await _api.Viewer.GetJsonAsync(path);
            seen.AddRange(page.GetProperty("items").Items().Select(i => i.Str("caseId")));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.All(ids, id => Assert.Single(seen, id));
        var current = await _api.Viewer.GetJsonAsync("/api/cases?bucket=Current&pageSize=1000");
        var m1 = await _api.Viewer.GetJsonAsync("/api/cases?bucket=M1&pageSize=1000");
        var m3 = await _api.Viewer.GetJsonAsync("/api/cases?bucket=M3&pageSize=1000");
        Assert.Contains(current.GetProperty("items").Items(), i => i.Str("caseId") == ids[0]);
        Assert.Contains(m1.GetProperty("items").Items(), i => i.Str("caseId") == ids[1] && i.Str("bucket") == "M1");
        Assert.Contains(m3.GetProperty("items").Items(), i => i.Str("caseId") == ids[2] && i.GetProperty("daysPastDue").GetInt32() == 76);
        Assert.DoesNotContain(m1.GetProperty("items").Items(), i => i.Str("caseId") == ids[0]);
        using (var pause = await _api.Supervisor.PostJsonAsync($"/api/cases/{ids[1]}/pause", new JsonObject { ["reason"] = "checking the address" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        }

        var paused = await _api.Viewer.WaitForAsync("/api/cases?status=paused&pageSize=1000",
            page => page.GetProperty("items").Items().Any(i => i.Str("caseId") == ids[1]));
        // The index writes the case's new row before it removes the old one: a moment later it is gone from Active.
        var active = await _api.Viewer.WaitForAsync("/api/cases?status=Active&pageSize=1000",
            page => page.GetProperty("items").Items().All(i => i.Str("caseId") != ids[1]));
        Assert.All(active.GetProperty("items").Items(), i => Assert.Equal("Active", i.Str("status")));
        Assert.Contains(active.GetProperty("items").Items(), i => i.Str("caseId") == ids[0]);
        // Opened 76 days past due, a case starts the overdue ladder today; it is not handed to legal at once.
        Assert.Contains(active.GetProperty("items").Items(), i => i.Str("caseId") == ids[2]);
        Assert.DoesNotContain(active.GetProperty("items").Items(), i => i.Str("caseId") == ids[1]);
        Assert.DoesNotContain(paused.GetProperty("items").Items(), i => i.Str("caseId") == ids[0]);
        var byStage = await _api.Viewer.GetJsonAsync("/api/cases?stage=opened&pageSize=1000");
        Assert.All(byStage.GetProperty("items").Items(), i => Assert.Equal("opened", i.Str("stage")));
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("bucket=M9", "bucket")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("continuationToken=not-a-token", "continuationToken")]
    public async Task GivenABadFilter_WhenListing_Then400NamingIt(string query, string field)
    {
        using var response = await _api.Viewer.GetAsync("/api/cases?" + query);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
