using System.Net;
using Dunning.Endpoints.Auth;
using Dunning.Endpoints.SupervisorConsole;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>The host serves the console's embedded files at /console, with no key, a strict content security policy
/// and ETags; its config offers Entra sign-in only when both the API and the console are configured for it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SupervisorConsoleHostingTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Theory]
    [InlineData("/console", "text/html")]
    [InlineData("/console/", "text/html")]
    [InlineData("/console/app.css", "text/css")]
    [InlineData("/console/js/main.js", "text/javascript")]
    [InlineData("/console/js/strings/zh-CN.js", "text/javascript")]
    public async Task TheConsolesFiles_AreServedWithoutAKey(string path, string type)
    {
        using var response = await _api.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        if (type == "text/html")
        {
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnchangedFile_Is304()
    {
        using var first = await _api.Anonymous.GetAsync("/console/js/api.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/js/api.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await _api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task AnUnknownFile_Is404()
    {
        using var response = await _api.Anonymous.GetAsync("/console/js/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Config_WithoutEntra_OffersApiKeysOnly()
    {
        var config = await _api.Anonymous.GetJsonAsync("/console/config.json");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, config.GetProperty("entra").ValueKind);
    }

    [Fact]
    public void Config_OffersEntra_OnlyWhenTheApiAcceptsItsTokensAndTheConsoleHasAClientId()
    {
        var api = new AuthSettings { Entra = { Authority = "https://login.microsoftonline.com/t/v2.0/", Audience = "api://dunning" } };
        var console = new ConsoleSettings { Entra = { ClientId = "client", Scopes = ["api://dunning/.default"] } };

        var both = ConsoleApi.ConfigOf(console, api).Entra;
        var noClient = ConsoleApi.ConfigOf(new ConsoleSettings(), api).Entra;
        var noApi = ConsoleApi.ConfigOf(console, new AuthSettings()).Entra;

        Assert.Equal("https://login.microsoftonline.com/t/v2.0", both?.Authority);
        Assert.Equal("client", both?.ClientId);
        Assert.Null(noClient);
        Assert.Null(noApi);
    }
}
