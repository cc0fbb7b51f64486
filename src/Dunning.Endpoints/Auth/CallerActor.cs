using System.Security.Claims;
using Dunning.Domain;

namespace Dunning.Endpoints.Auth;

/// <summary>The actor a caller is recorded as: the API key's name or the token's subject, as a supervisor or operator.</summary>
public static class CallerActor
{
    public static Actor Of(ClaimsPrincipal user)
    {
        var name = user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? "unknown";
        var kind = Roles.HasAny(user, Roles.Supervisor) ? ActorKind.Supervisor : ActorKind.Operator;
        return new Actor(name, kind);
    }
}
