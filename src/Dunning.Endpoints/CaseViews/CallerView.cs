using System.Security.Claims;
using Dunning.Endpoints.Auth;

namespace Dunning.Endpoints.CaseViews;

/// <summary>GET /api/me: who the caller is recorded as and which roles they hold, so a client shows only the actions
/// the API will accept from them.</summary>
public sealed record CallerView(string Name, IReadOnlyList<string> Roles)
{
    public static CallerView Of(ClaimsPrincipal user) =>
        new(CallerActor.Of(user).Name, [.. Auth.Roles.All.Where(role => Auth.Roles.HasAny(user, role))]);
}
