using Dunning.Endpoints.Operations;
using Dunning.Workflow.Tests;

namespace Dunning.Functions.Tests;

/// <summary>Probes, the OpenAPI document and the supervisor console, served by the Function App itself.</summary>
public sealed class OperationsTriggerTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    [Fact]
    public async Task GivenReachableStorage_WhenProbed_ThenHealthyAndReady()
    {
        var health = await App.InvokeAsync<OperationsFunctions>((f, r) => f.CheckHealth(r), "GET", "/healthz");
        var ready = await App.InvokeAsync<OperationsFunctions>((f, r) => f.CheckReady(r), "GET", "/readyz");

        Assert.Equal("ok", health.Json.GetProperty("status").GetString());
        Assert.True(ready.Status == 200, ready.ToString());
        Assert.Equal("ready", ready.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GivenTheOpenApiRoute_WhenRead_ThenItIsTheLocalHostsDocument()
    {
        var answer = await App.InvokeAsync<OperationsFunctions>((f, r) => f.ServeOpenApi(r), "GET", "/openapi/v1.json");

        Assert.Equal(200, answer.Status);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(OpenApiSnapshot.Bytes.Span), answer.Body);
        Assert.True(answer.Json.GetProperty("paths").TryGetProperty("/api/cases/{caseId}/pause", out _));
    }

    [Fact]
    public async Task GivenTheConsole_WhenItsPageAndAModuleAreRead_ThenTheyAreServedWithTheSecurityPolicy()
    {
        var page = await App.InvokeAsync<ConsoleFunctions>((f, r) => f.ServeConsole(r), "GET", "/console");
        var module = await App.InvokeAsync<ConsoleFunctions>((f, r) => f.ServeConsoleFile(r, "js/main.js"), "GET", "/console/js/main.js");
        var missing = await App.InvokeAsync<ConsoleFunctions>((f, r) => f.ServeConsoleFile(r, "js/nope.js"), "GET", "/console/js/nope.js");

        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal(200, module.Status);
        Assert.StartsWith("text/javascript", module.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Equal(404, missing.Status);
    }
}
