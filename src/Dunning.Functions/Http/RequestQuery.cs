using Microsoft.AspNetCore.Http;

namespace Dunning.Functions;

/// <summary>A query value as a minimal API binds a <c>string?</c> parameter: null when absent.</summary>
internal static class RequestQuery
{
    public static string? Value(this HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
