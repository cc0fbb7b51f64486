using System.Text;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Functions.Tests;

/// <summary>The Function App accepts Entra ID bearer tokens as the local host does: the roles claim grants the role, the
/// subject is the actor recorded, a token of another key is refused. The tenant's metadata is given locally (no network).</summary>
public sealed class EntraTriggerTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    private const string Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000002/v2.0";
    private const string Audience = "api://dunning";
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a-function-app-signing-key-of-32-bytes!"));
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        new Dictionary<string, string?> { ["Dunning:Auth:Entra:Authority"] = Issuer, ["Dunning:Auth:Entra:Audience"] = Audience };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    [Fact]
    public async Task GivenASupervisorsToken_WhenTheyPauseACase_Then202AndTheTokensSubjectIsTheActor()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());

        var answer = await App.InvokeAsync<SupervisorActionFunctions>((f, r) => f.Pause(r, state.CaseId, FunctionApp.Durable().Object), "POST",
            $"/api/cases/{state.CaseId}/pause", body: """{ "reason": "asked by phone" }""", headers: Bearer(Token("entra-user-7", ["Supervisor"])));

        Assert.True(answer.Status == 202, answer.ToString());
        var pause = Assert.IsType<PauseCase>(Assert.Single(await App.Get<CommandLog>().ReadUnappliedAsync(state.CaseId)).Command);
        Assert.Equal(new Actor("entra-user-7", ActorKind.Supervisor), pause.By);
    }

    [Fact]
    public async Task GivenAViewersToken_WhenTheyReadAndPause_Then200And403()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        var viewer = Bearer(Token("entra-user-8", ["viewer"]));

        var read = await App.InvokeAsync<CaseFunctions>((f, r) => f.GetCase(r, state.CaseId), "GET", $"/api/cases/{state.CaseId}", headers: viewer);
        var pause = await App.InvokeAsync<SupervisorActionFunctions>((f, r) => f.Pause(r, state.CaseId, FunctionApp.Durable().Object), "POST",
            $"/api/cases/{state.CaseId}/pause", body: """{ "reason": "x" }""", headers: viewer);

        Assert.True(read.Status == 200, read.ToString());
        Assert.True(pause.Status == 403, pause.ToString());
    }

    [Fact]
    public async Task GivenATokenSignedWithAnotherKey_WhenUsed_ThenA401WithTheBearerChallenge()
    {
        var forged = Token("entra-user-9", ["supervisor"], new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-signing-key-of-at-least-32-bytes")));

        var answer = await App.InvokeAsync<CaseFunctions>((f, r) => f.ListCases(r), "GET", "/api/cases", headers: Bearer(forged));

        Assert.True(answer.Status == 401, answer.ToString());
        Assert.StartsWith("Bearer", answer.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = $"Bearer {token}" };

    private static string Token(string subject, string[] roles, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });
}
