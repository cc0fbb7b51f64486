using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Dunning.Endpoints.Auth;

/// <summary>API keys always; Entra ID bearer tokens when configured. A policy scheme picks by the request's headers.</summary>
public static class AuthenticationSetup
{
    private const string Selector = "Dunning";

    public static IServiceCollection AddDunningAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        var unknown = settings.ApiKeys.Where(k => !Roles.IsKnown(k.Role)).Select(k => k.Name).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"API keys {string.Join(", ", unknown)} have no known role; use one of {string.Join(", ", Roles.All)}.");
        }

        services.AddSingleton(settings);
        var authentication = services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                settings.Entra.IsConfigured && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (settings.Entra.IsConfigured)
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = settings.Entra.Authority;
                o.Audience = settings.Entra.Audience;
                // Keep the token's own claim names: "sub" for the actor, "roles" for the app roles.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = Roles.ClaimType;
                o.TokenValidationParameters.NameClaimType = "sub";
            });
        }

        services.AddAuthorization(Roles.AddPolicies);
        return services;
    }
}
