using System.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dunning.Console.Tests;

public sealed partial class SupervisorConsoleTests
{
    /// <summary>Sign-in with Entra ID by authorization code and PKCE, the tenant's two endpoints answered by the test:
    /// the console sends a S256 challenge, redeems the code with the matching verifier, and calls the API with the
    /// access token, which the host validates; the token's role decides the buttons.</summary>
    [Fact]
    public async Task EntraSignIn_RedeemsTheCodeWithPkce_AndTheTokensRoleDecidesTheButtons()
    {
        var page = await _console.NewPageAsync();
        var origin = _console.Host.Address.GetLeftPart(UriPartial.Authority);
        string? challenge = null, state = null, redeemedWith = null;
        await page.RouteAsync("https://login.microsoftonline.com/**", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal))
            {
                var query = HttpUtility.ParseQueryString(url.Query);
                Assert.Equal(StandInEntra.ClientId, query["client_id"]);
                Assert.Equal("S256", query["code_challenge_method"]);
                Assert.Equal($"{origin}/console/", query["redirect_uri"]);
                Assert.Contains(StandInEntra.Scope, query["scope"]!, StringComparison.Ordinal);
                (challenge, state) = (query["code_challenge"], query["state"]);
                await route.FulfillAsync(new() { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = $"{origin}/console/?code=the-code&state={state}" } });
            }
            else if (url.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                var form = HttpUtility.ParseQueryString(route.Request.PostData ?? "");
                var valid = form["code"] == "the-code" && form["code_verifier"] is { } verifier && StandInEntra.ChallengeOf(verifier) == challenge;
                redeemedWith = form["code_verifier"];
                await route.FulfillAsync(new()
                {
                    Status = valid ? 200 : 400,
                    ContentType = "application/json",
                    Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = origin },
                    Body = valid ? $"{{\"access_token\":\"{StandInEntra.AccessToken("entra-supervisor", "Supervisor")}\",\"token_type\":\"Bearer\"}}" : "{\"error\":\"invalid_grant\"}",
                });
            }
            else
            {
                await route.AbortAsync();
            }
        });

        await page.GotoAsync("/console");
        await page.Locator("#entra-signin").ClickAsync();

        await Expect(page.Locator("#session")).ToContainTextAsync("entra-supervisor");
        Assert.NotNull(redeemedWith);
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        await OpenCaseAsync(page, Cases.Classified, SeededCases.ClassifiedAccount);
        await Expect(page.Locator("[data-action=escalate]")).ToBeVisibleAsync();
    }
}
