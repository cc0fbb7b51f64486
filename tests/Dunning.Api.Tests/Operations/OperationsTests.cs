using System.Net;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>Health, readiness, metrics, the OpenAPI document and unknown paths.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Fact]
    public async Task GivenARunningHost_WhenProbed_ThenHealthyAndReady()
    {
        var health = await _api.Anonymous.GetJsonAsync("/healthz");
        var ready = await _api.Anonymous.GetJsonAsync("/readyz");

        Assert.Equal("ok", health.Str("status"));
        Assert.Equal("ready", ready.Str("status"));
    }

    [Fact]
    public async Task GivenTheOpenApiDocument_WhenRead_ThenItListsEveryPathOfTheContract()
    {
        var document = await _api.Anonymous.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/cases", "/api/cases/{caseId}", "/api/cases/{caseId}/history", "/api/cases/{caseId}/pause",
            "/api/cases/{caseId}/resume", "/api/cases/{caseId}/escalate", "/api/cases/{caseId}/promise",
            "/api/cases/{caseId}/plan", "/api/cases/{caseId}/classify", "/api/cases/{caseId}/close",
            "/api/webhooks/payments", "/api/payments/unmatched", "/api/campaigns", "/api/campaigns/{campaignId}",
            "/api/metrics", "/healthz", "/readyz",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var open = document.GetProperty("paths").GetProperty("/api/cases").GetProperty("post");
        Assert.True(open.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(open.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(open.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task GivenCasesAndPayments_WhenMetricsAreRead_ThenTheyCountByStatusAndStageAndSumPerCurrency()
    {
        var ids = new List<string>();
        foreach (var amount in new[] { 1000m, 3000m })
        {
            using var response = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(amount: amount, dueDate: "2026-11-12"));
            ids.Add((await response.JsonAsync()).Str("caseId"));
        }

        using var paid = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body("PAY-M-" + Guid.NewGuid().ToString("N")[..8], ids[0], 1000m));
        await _api.Viewer.WaitForAsync($"/api/cases?status=Closed", p => p.GetProperty("items").Items().Any(i => i.Str("caseId") == ids[0]));
        await _api.Viewer.WaitForAsync($"/api/cases?status=Active", p => p.GetProperty("items").Items().Any(i => i.Str("caseId") == ids[1]));

        var metrics = await _api.Viewer.GetJsonAsync("/api/metrics");

        Assert.Equal(2, metrics.GetProperty("cases").GetInt32());
        Assert.Equal(1, metrics.GetProperty("byStatus").GetProperty("Active").GetInt32());
        Assert.Equal(1, metrics.GetProperty("byStatus").GetProperty("Closed").GetInt32());
        Assert.Equal(2, metrics.GetProperty("byStage").EnumerateObject().Sum(s => s.Value.GetInt32()));
        var cny = metrics.GetProperty("currencies").Items().Single(c => c.Str("currency") == "CNY");
        Assert.Equal(4000m, cny.GetProperty("amountDue").GetProperty("amount").GetDecimal());
        Assert.Equal(3000m, cny.GetProperty("outstanding").GetProperty("amount").GetDecimal());
        Assert.Equal(1000m, cny.GetProperty("recovered").GetProperty("amount").GetDecimal());
        Assert.Equal(0.25m, cny.GetProperty("recoveryRate").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, metrics.GetProperty("promiseKeptRate").ValueKind);
    }

    [Fact]
    public async Task GivenAnUnknownPath_WhenCalled_Then404Problem()
    {
        using var response = await _api.Viewer.GetAsync("/api/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
