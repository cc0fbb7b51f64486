using System.Security.Claims;

namespace Dunning.Endpoints.Auth;

/// <summary>The three roles and the authorization policies built from them: a supervisor may do all a viewer may,
/// and an operator may read too.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    public const string Viewer = "viewer";

    /// <summary>The claim type API-key principals carry their role in (the same as Entra ID tokens).</summary>
    public const string ClaimType = "roles";

    public static readonly string[] All = [Operator, Supervisor, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasAny(c.User, Viewer, Supervisor, Operator)));
        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasAny(c.User, Operator)));
        options.AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasAny(c.User, Supervisor)));
    }

    /// <summary>Role names compare case-insensitively: Entra app roles are often spelled "Supervisor".</summary>
    public static bool HasAny(ClaimsPrincipal user, params string[] roles) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType).Concat(i.FindAll(ClaimType)))
            .Any(claim => roles.Contains(claim.Value, StringComparer.OrdinalIgnoreCase));
}
