using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Console.Tests;

/// <summary>A stand-in for a Microsoft Entra ID tenant, since tests reach no network: the host trusts tokens signed
/// with <see cref="Key"/> (metadata given locally, as in the API's EntraBearerTests), and the browser test answers the
/// tenant's authorize and token endpoints itself (Playwright routes), checking the console's PKCE.</summary>
public static class StandInEntra
{
    public const string Authority = "https://login.microsoftonline.com/00000000-0000-0000-0000-0000000000c0/v2.0";
    public const string Audience = "api://dunning-console-tests";
    public const string ClientId = "console-test-client";
    public const string Scope = "api://dunning-console-tests/.default";
    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("console-tests-signing-key-of-32-bytes-or-more"));

    public static void TrustItsTokens(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
            configuration.SigningKeys.Add(Key);
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    /// <summary>An access token for <paramref name="subject"/> with app roles, as the tenant would issue it.</summary>
    public static string AccessToken(string subject, params string[] roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The S256 code challenge of a PKCE verifier (base64url of its SHA-256).</summary>
    public static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
