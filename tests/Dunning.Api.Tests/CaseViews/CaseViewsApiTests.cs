using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>The read-only views the supervisor console reads (CaseViewsApi): who am I, a case's details, its work items
/// and stored documents, the filtered case search and the portfolio breakdown. None changes anything.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseViewsApiTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    private async Task<string> OpenAsync(string dueDate = "2026-11-10", string? accountId = null, decimal amount = 12000m, string currency = "CNY",
        string timeZone = "Asia/Shanghai")
    {
        using var response = await _api.Operator.PostJsonAsync("/api/cases",
            CaseRequests.Valid(accountId: accountId, dueDate: dueDate, amount: amount, currency: currency, timeZone: timeZone));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).Str("caseId");
    }

    private async Task ActAsync(string caseId, string action, JsonObject body)
    {
        using var response = await _api.Supervisor.PostJsonAsync($"/api/cases/{caseId}/{action}", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(Keys.Supervisor, "test-supervisor", "supervisor")]
    [InlineData(Keys.Viewer, "test-viewer", "viewer")]
    [InlineData(Keys.Operator, "test-operator", "operator")]
    public async Task Me_NamesTheCallerAndTheirRoles(string key, string name, string role)
    {
        var me = await _api.Client(key).GetJsonAsync("/api/me");

        Assert.Equal(name, me.Str("name"));
        Assert.Equal([role], me.GetProperty("roles").Items().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Me_WithoutAKey_Is401()
    {
        using var response = await _api.Anonymous.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Details_BreakTheClaimDown_AndShowThePromiseInForce()
    {
        var caseId = await OpenAsync();
        await ActAsync(caseId, "promise", new JsonObject { ["reason"] = "on the phone", ["amount"] = 3000, ["date"] = "2026-11-25" });
        var details = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}/details", d => d.GetProperty("promise").ValueKind == System.Text.Json.JsonValueKind.Object);

        Assert.Equal("Asia/Shanghai", details.Str("debtorTimeZone"));
        var claim = details.GetProperty("claim");
        Assert.Equal("2026-11-16", claim.Str("asOf"));
        Assert.Equal(12000m, claim.GetProperty("principal").GetProperty("amount").GetDecimal());
        var total = claim.GetProperty("principal").GetProperty("amount").GetDecimal() + claim.GetProperty("penaltyInterest").GetProperty("amount").GetDecimal()
            + claim.GetProperty("fees").GetProperty("amount").GetDecimal();
        Assert.Equal(total, claim.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(3000m, details.GetProperty("promise").GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal("2026-11-25", details.GetProperty("promise").Str("date"));
        Assert.Equal(8, details.GetProperty("policy").GetProperty("steps").GetArrayLength());
        Assert.False(details.TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task Details_Work_AndDocuments_OfAnUnknownCase_Are404()
    {
        foreach (var path in new[] { "details", "work", "documents/k1-demand-notice.html" })
        {
            using var response = await _api.Viewer.GetAsync($"/api/cases/cnosuchcase000000000000/{path}");
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Work_ListsTheCasesCallTasksAndVisits_OfEveryStatus()
    {
        var caseId = await OpenAsync();
        // Opened overdue, the case takes its first-overdue step (a call task) at once; then a visit is asked for.
        await _api.Viewer.WaitForAsync($"/api/cases/{caseId}/work", w => w.GetArrayLength() >= 1);
        await ActAsync(caseId, "escalate", new JsonObject { ["reason"] = "no answer", ["toStep"] = "field-visit" });

        var work = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}/work", w => w.GetArrayLength() >= 2);

        Assert.All(work.Items(), w => Assert.Equal(caseId, w.Str("caseId")));
        Assert.Contains(work.Items(), w => w.Str("kind") == "Call" && w.Str("status") == "Open");
        Assert.Contains(work.Items(), w => w.Str("kind") == "Visit" && w.Str("status") == "Scheduled");
    }

    [Fact]
    public async Task Documents_AreServedByteForByte_WithTheHashTheHistoryRecords()
    {
        var caseId = await OpenAsync();
        await ActAsync(caseId, "escalate", new JsonObject { ["reason"] = "ignores reminders", ["toStep"] = "demand-notice" });
        var history = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}/history", h => h.HasEvent("DocumentStored"));
        var stored = history.Items().First(h => h.Str("type") == "DocumentStored").GetProperty("data");
        var name = stored.Str("location")[(stored.Str("location").IndexOf($"cases/{caseId}/", StringComparison.Ordinal) + $"cases/{caseId}/".Length)..];

        using var response = await _api.Viewer.GetAsync($"/api/cases/{caseId}/documents/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.Str("sha256"), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        using var escape = await _api.Viewer.GetAsync($"/api/cases/{caseId}/documents/..%2F..%2Fsecret");
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    [Fact]
    public async Task Search_FiltersByDebtorTypeAndDaysPastDue_AsGetCountsThem()
    {
        var classified = await OpenAsync(dueDate: "2026-10-01", currency: "USD", amount: 800m, timeZone: "America/New_York");
        var other = await OpenAsync(dueDate: "2026-10-01", currency: "USD", amount: 800m, timeZone: "America/New_York");
        var recent = await OpenAsync(dueDate: "2026-11-10");
        await ActAsync(classified, "classify", new JsonObject { ["reason"] = "has income", ["willingness"] = "Unwilling", ["ability"] = "Able" });
        await _api.Viewer.WaitForAsync($"/api/cases/{classified}", c => c.GetProperty("debtorType").ValueKind == System.Text.Json.JsonValueKind.String);
        var dpd = (await _api.Viewer.GetJsonAsync($"/api/cases/{classified}")).GetProperty("daysPastDue").GetInt32();

        var typed = await _api.Viewer.WaitForAsync("/api/case-search?debtorType=UnwillingAble&pageSize=1000",
            p => p.GetProperty("items").Items().Any(i => i.Str("caseId") == classified));
        var byDays = await _api.Viewer.GetJsonAsync($"/api/case-search?minDaysPastDue={dpd}&maxDaysPastDue={dpd}&pageSize=1000");
        var unclassified = await _api.Viewer.GetJsonAsync("/api/case-search?debtorType=None&pageSize=1000");

        Assert.All(typed.GetProperty("items").Items(), i => Assert.Equal("UnwillingAble", i.Str("debtorType")));
        var sameDays = byDays.GetProperty("items").Items().Select(i => i.Str("caseId")).ToList();
        Assert.Contains(classified, sameDays);
        Assert.Contains(other, sameDays);
        Assert.DoesNotContain(recent, sameDays);
        Assert.All(byDays.GetProperty("items").Items(), i => Assert.Equal(dpd, i.GetProperty("daysPastDue").GetInt32()));
        Assert.DoesNotContain(classified, unclassified.GetProperty("items").Items().Select(i => i.Str("caseId")));
    }

    [Fact]
    public async Task Search_PagesWithoutLosingOrRepeatingACase()
    {
        var opened = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add(await OpenAsync(dueDate: "2026-11-01"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _api.Viewer.GetJsonAsync($"/api/case-search?minDaysPastDue=15&maxDaysPastDue=15&pageSize=2"
                + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("items").Items().Select(i => i.Str("caseId")));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), opened.ToHashSet());
    }

    [Theory]
    [InlineData("debtorType=Grumpy", "debtorType")]
    [InlineData("minDaysPastDue=-1", "minDaysPastDue")]
    [InlineData("minDaysPastDue=10&maxDaysPastDue=5", "maxDaysPastDue")]
    [InlineData("bucket=M9", "bucket")]
    [InlineData("continuationToken=bogus", "continuationToken")]
    public async Task Search_WithABadFilter_Is400NamingTheField(string query, string field)
    {
        using var response = await _api.Viewer.GetAsync($"/api/case-search?{query}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Breakdown_CountsCasesAndOpenAmounts_ByStageAndBucket()
    {
        await OpenAsync(dueDate: "2026-11-10", amount: 777m);

        var breakdown = await _api.Viewer.WaitForAsync("/api/metrics/breakdown", b => b.GetProperty("byStage").Items().Any(g => g.Str("key") == "first-overdue"), seconds: 20);

        Assert.Equal(["Current", "M1", "M2", "M3", "M3+"], breakdown.GetProperty("byBucket").Items().Select(g => g.Str("key")));
        var m1 = breakdown.GetProperty("byBucket").Items().Single(g => g.Str("key") == "M1");
        Assert.True(m1.GetProperty("openCases").GetInt32() >= 1);
        Assert.Contains(m1.GetProperty("outstanding").Items(), m => m.Str("currency") == "CNY" && m.GetProperty("amount").GetDecimal() >= 777m);
        var stages = breakdown.GetProperty("byStage").Items().ToList();
        Assert.Equal(stages.Sum(g => g.GetProperty("cases").GetInt32()), breakdown.GetProperty("byBucket").Items().Sum(g => g.GetProperty("cases").GetInt32()));
    }
}
