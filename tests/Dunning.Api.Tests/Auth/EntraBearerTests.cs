using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Api.Tests;

/// <summary>A host configured for Entra ID, whose tenant metadata (issuer, signing key) is given locally instead of
/// fetched, since tests reach no network.</summary>
public sealed class EntraHost : ApiHost
{
    public const string Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0";
    public const string Audience = "api://dunning";
    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a-test-signing-key-of-at-least-32-bytes!"));

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Dunning:Auth:Entra:Authority", Issuer), ("Dunning:Auth:Entra:Audience", Audience)];

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public static string Token(string subject, string[] roles, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });
}

/// <summary>Entra ID bearer tokens: the roles claim grants the role (any case), the subject is the actor recorded.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntraBearerTests(AzuriteFixture azurite, EntraHost host) : IClassFixture<EntraHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    private HttpClient Bearer(string token)
    {
        var client = _api.Anonymous;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task GivenASupervisorToken_WhenPausing_Then202AndTheSubjectIsTheActor()
    {
        using var opened = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid());
        var caseId = (await opened.JsonAsync()).Str("caseId");

        using var response = await Bearer(EntraHost.Token("entra-user-1", ["Supervisor"])).PostJsonAsync($"/api/cases/{caseId}/pause", new JsonObject { ["reason"] = "asked by phone" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var history = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}/history", h => h.HasEvent("CasePaused"));
        var paused = history.Items().Single(h => h.Str("type") == "CasePaused");
        Assert.Equal("entra-user-1", paused.Str("actor"));
        Assert.Equal("Supervisor", paused.Str("actorKind"));
    }

    [Fact]
    public async Task GivenAViewerToken_WhenReadingAndPausing_Then200And403()
    {
        var viewer = Bearer(EntraHost.Token("entra-user-2", ["viewer"]));

        using var read = await viewer.GetAsync("/api/cases");
        using var pause = await viewer.PostJsonAsync("/api/cases/c000000000000000000000000/pause", new JsonObject { ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await pause.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GivenATokenSignedWithAnotherKey_WhenCalled_Then401()
    {
        var forged = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-another-key-another-key!!"));

        using var response = await Bearer(EntraHost.Token("mallory", ["supervisor"], forged)).GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
