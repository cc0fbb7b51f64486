using System.Net;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>API keys with roles: no key or an unknown one is 401, a key of the wrong role 403; supervisors and
/// operators may read; the health endpoints need no key.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyAuthTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Theory]
    [InlineData("GET", "/api/cases")]
    [InlineData("GET", "/api/cases/c1")]
    [InlineData("GET", "/api/cases/c1/history")]
    [InlineData("POST", "/api/cases")]
    [InlineData("POST", "/api/cases/c1/pause")]
    [InlineData("POST", "/api/campaigns")]
    [InlineData("GET", "/api/campaigns/cmp1")]
    [InlineData("GET", "/api/payments/unmatched")]
    [InlineData("GET", "/api/metrics")]
    public async Task GivenNoKey_WhenCalled_Then401(string method, string path)
    {
        using var response = await _api.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GivenAnUnknownKey_WhenCalled_Then401()
    {
        using var response = await _api.Client("not-a-key").GetAsync("/api/cases");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GivenAViewerKey_WhenOpeningACaseOrImporting_Then403()
    {
        using var open = await _api.Viewer.PostJsonAsync("/api/cases", CaseRequests.Valid());
        using var import = await _api.Viewer.PostRawAsync("/api/campaigns", CaseRequests.CsvHeader, "text/csv");
        using var supervisorOpens = await _api.Supervisor.PostJsonAsync("/api/cases", CaseRequests.Valid());

        await open.AssertProblemAsync(HttpStatusCode.Forbidden);
        await import.AssertProblemAsync(HttpStatusCode.Forbidden);
        await supervisorOpens.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GivenAnOperatorOrViewerKey_WhenTakingASupervisorAction_Then403()
    {
        using var opened = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid());
        var caseId = (await opened.JsonAsync()).Str("caseId");
        var body = new System.Text.Json.Nodes.JsonObject { ["reason"] = "testing roles" };

        using var byOperator = await _api.Operator.PostJsonAsync($"/api/cases/{caseId}/pause", body.DeepClone());
        using var byViewer = await _api.Viewer.PostJsonAsync($"/api/cases/{caseId}/pause", body.DeepClone());

        await byOperator.AssertProblemAsync(HttpStatusCode.Forbidden);
        await byViewer.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GivenAnyRole_WhenReading_Then200()
    {
        using var opened = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid());
        var caseId = (await opened.JsonAsync()).Str("caseId");

        foreach (var client in new[] { _api.Viewer, _api.Supervisor, _api.Operator })
        {
            using var response = await client.GetAsync($"/api/cases/{caseId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task GivenNoKey_WhenProbingHealthOrTheOpenApiDocument_Then200()
    {
        using var health = await _api.Anonymous.GetAsync("/healthz");
        using var ready = await _api.Anonymous.GetAsync("/readyz");
        using var openApi = await _api.Anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }
}
