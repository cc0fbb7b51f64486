using Dunning.Endpoints.Http;

namespace Dunning.Endpoints.Routing;

/// <summary>Minimal-API binding of an <see cref="ApiRoute"/>: name, tag, role (or anonymous) and body limit come from the
/// route, so the local host cannot drift from what the Function App enforces.</summary>
public static class ApiRouteMapping
{
    public static RouteHandlerBuilder Map(this IEndpointRouteBuilder app, ApiRoute route, Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(route);
        var builder = app.MapMethods(route.Pattern, [route.Method], handler).WithName(route.Name).WithTags(route.Tag);
        builder = route.Role is { } role ? builder.RequireAuthorization(role) : builder.AllowAnonymous();
        return route.Method is "POST" or "PUT" ? builder.WithBodyLimit(route.BodyLimit) : builder;
    }
}
