namespace Dunning.Endpoints.Routing;

/// <summary>One HTTP endpoint as both hosts bind it: its name (the minimal API's endpoint name and the Function App's
/// function name), method, route template (no leading slash, as the Functions host writes it), the role it needs (null:
/// open to all, e.g. signed webhooks and probes), its request body limit and its OpenAPI tag. The local host maps it
/// with <see cref="ApiRouteMapping"/>; the Function App declares a trigger with the same name, method and template and
/// enforces the same role and limit (a test compares its functions.metadata with <see cref="ApiRoutes.All"/>).</summary>
public sealed record ApiRoute(string Name, string Method, string Template, string? Role, long BodyLimit, string Tag)
{
    /// <summary>The template as ASP.NET Core routing takes it.</summary>
    public string Pattern => "/" + Template;
}
