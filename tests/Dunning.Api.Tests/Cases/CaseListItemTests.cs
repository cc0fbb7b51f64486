using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Workflow;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>A list page comes from the case index alone, and each item is what GET /api/cases/{caseId} shows: days past
/// due in the debtor's own zone, disputed and the operator flag included.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseListItemTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    // The virtual clock starts at 2026-11-16 02:00 UTC: still 2026-11-15 in Los Angeles.
    private static JsonObject LosAngeles(string dueDate) =>
        CaseRequests.Valid(dueDate: dueDate, phone: "+14155552671", email: "debtor@example.com", timeZone: "America/Los_Angeles", currency: "USD");

    [Fact]
    public async Task GivenADebtorWestOfUtcOnABucketBoundary_WhenListedByBucket_ThenTheFilterCountsInTheDebtorsZoneAsTheItemDoes()
    {
        // 30 days past due in Los Angeles (still 2026-11-15 there), 31 by the UTC date (2026-11-16): M1, not M2.
        var caseId = await OpenAsync(LosAngeles("2026-10-16"));
        await ListedAsync(caseId, "Active", _ => true);

        var m1 = await _api.Viewer.GetJsonAsync("/api/cases?bucket=M1&pageSize=1000");
        var m2 = await _api.Viewer.GetJsonAsync("/api/cases?bucket=M2&pageSize=1000");

        var item = Assert.Single(m1.GetProperty("items").Items(), i => i.Str("caseId") == caseId);
        Assert.Equal(("M1", 30), (item.Str("bucket"), item.GetProperty("daysPastDue").GetInt32()));
        Assert.DoesNotContain(m2.GetProperty("items").Items(), i => i.Str("caseId") == caseId);
        Assert.All(m1.GetProperty("items").Items(), i => Assert.Equal("M1", i.Str("bucket")));
    }

    [Fact]
    public async Task GivenADebtorWestOfUtc_WhenListed_ThenDaysPastDueCountFromTheDebtorsDate()
    {
        var caseId = await OpenAsync(LosAngeles("2026-11-10"));

        var item = await ListedAsync(caseId, "Active", _ => true);
        var get = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}");

        // 2026-11-10 to 2026-11-15 in Los Angeles; counting from the UTC date would say 6.
        Assert.Equal(5, item.GetProperty("daysPastDue").GetInt32());
        Assert.Equal(5, get.GetProperty("daysPastDue").GetInt32());
        Assert.Equal("M1", item.Str("bucket"));
        Assert.Equal(get.Str("severity"), item.Str("severity"));
    }

    [Fact]
    public async Task GivenAPausedCase_WhenDisputed_ThenTheListShowsItDisputedAsGetDoes()
    {
        var caseId = await OpenAsync(CaseRequests.Valid(dueDate: "2026-11-10"));
        await ActAsync(caseId, "pause", new JsonObject { ["reason"] = "checking the address" });
        var paused = await ListedAsync(caseId, "Paused", _ => true);

        // Still paused, and nothing else a list used to watch changes: only the version and the dispute show it.
        await ActAsync(caseId, "dispute", new JsonObject { ["reason"] = "the debtor says the invoice was paid" });
        var disputed = await ListedAsync(caseId, "Paused", i => i.GetProperty("disputed").GetBoolean());

        Assert.False(paused.GetProperty("disputed").GetBoolean());
        Assert.True(disputed.GetProperty("version").GetInt32() > paused.GetProperty("version").GetInt32());
        await AssertListedAsGetAsync(caseId);
    }

    [Fact]
    public async Task GivenAListedCase_WhenFlaggedThenChangedThenPaused_ThenTheListKeepsShowingTheFlag()
    {
        var caseId = await OpenAsync(CaseRequests.Valid(dueDate: "2026-11-10"));
        var before = await ListedAsync(caseId, "Active", _ => true);

        await CaseFlags.FlagAsync(_api, caseId, "deciding FireTimer failed: test");
        var flagged = await ListedAsync(caseId, "Active", i => i.GetProperty("flagged").GetBoolean());
        await ActAsync(caseId, "classify", new JsonObject { ["reason"] = "talked to the debtor", ["willingness"] = "Willing", ["ability"] = "Able" });
        var classified = await ListedAsync(caseId, "Active", i => i.GetProperty("debtorType").ValueKind == JsonValueKind.String);
        await ActAsync(caseId, "pause", new JsonObject { ["reason"] = "checking the address" });
        var paused = await ListedAsync(caseId, "Paused", _ => true);
        var active = await _api.Viewer.GetJsonAsync("/api/cases?status=Active&pageSize=1000");

        Assert.False(before.GetProperty("flagged").GetBoolean());
        Assert.True(flagged.GetProperty("flagged").GetBoolean());
        Assert.True(classified.GetProperty("flagged").GetBoolean());
        Assert.True(paused.GetProperty("flagged").GetBoolean());
        Assert.DoesNotContain(active.GetProperty("items").Items(), i => i.Str("caseId") == caseId);
        await AssertListedAsGetAsync(caseId);
    }

    [Fact]
    public async Task GivenAClassifiedFlaggedCaseInItsOwnZone_WhenListed_ThenTheItemIsWhatGetShows()
    {
        var caseId = await OpenAsync(LosAngeles("2026-10-01"));
        await ActAsync(caseId, "classify", new JsonObject { ["reason"] = "talked to the debtor", ["willingness"] = "Willing", ["ability"] = "Able" });
        await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.GetProperty("debtorType").ValueKind == JsonValueKind.String);
        await CaseFlags.FlagAsync(_api, caseId, "SendSms #3 failed after retries: test");

        var item = await AssertListedAsGetAsync(caseId);

        Assert.Equal(45, item.GetProperty("daysPastDue").GetInt32());
        Assert.Equal("WillingAble", item.Str("debtorType"));
        Assert.True(item.GetProperty("flagged").GetBoolean());
        Assert.Equal(JsonValueKind.Object, item.GetProperty("nextAction").ValueKind);
    }

    private async Task<string> OpenAsync(JsonObject request)
    {
        using var response = await _api.Operator.PostJsonAsync("/api/cases", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).Str("caseId");
    }

    private async Task ActAsync(string caseId, string action, JsonObject body)
    {
        using var response = await _api.Supervisor.PostJsonAsync($"/api/cases/{caseId}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the list page of <paramref name="status"/> holds the case in a state that passes
    /// <paramref name="condition"/>, and returns that item.</summary>
    private async Task<JsonElement> ListedAsync(string caseId, string status, Func<JsonElement, bool> condition)
    {
        var page = await _api.Viewer.WaitForAsync($"/api/cases?status={status}&pageSize=1000",
            p => p.GetProperty("items").Items().Any(i => i.Str("caseId") == caseId && condition(i)));
        return page.GetProperty("items").Items().Single(i => i.Str("caseId") == caseId);
    }

    /// <summary>Once the index has caught up with the case's version, its list item equals GET field for field. The
    /// case may move on meanwhile (timers, deliveries), so a pair read at different versions is read again.</summary>
    private async Task<JsonElement> AssertListedAsGetAsync(string caseId)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var get = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}");
            var version = get.GetProperty("version").GetInt32();
            var page = await _api.Viewer.WaitForAsync("/api/cases?pageSize=1000", p => p.GetProperty("items").Items()
                .Any(i => i.Str("caseId") == caseId && i.GetProperty("version").GetInt32() >= version));
            var item = page.GetProperty("items").Items().Single(i => i.Str("caseId") == caseId);
            if (item.GetProperty("version").GetInt32() == version)
            {
                Assert.True(JsonElement.DeepEquals(get, item), $"GET:  {get}\nlist: {item}");
                return item;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing; GET and its list item never showed the same version.");
    }
}
