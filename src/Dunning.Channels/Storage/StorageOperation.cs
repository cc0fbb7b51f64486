using Azure.Core;

namespace Dunning.Channels.Storage;

/// <summary>Names a storage request by what it does, from its service, method and path (e.g. "queue:send").</summary>
public static class StorageOperation
{
    public static string Of(StorageService service, Request request)
    {
        var path = request.Uri.Path;
        var method = request.Method.Method;
        return service switch
        {
            StorageService.Queue when path.EndsWith("/messages", StringComparison.Ordinal) || path.Contains("/messages/", StringComparison.Ordinal) => method switch
            {
                "GET" when request.Uri.Query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) => "queue:peek",
                "GET" => "queue:receive",
                "POST" => "queue:send",
                "DELETE" => "queue:delete",
                "PUT" => "queue:update",
                _ => "queue:" + method.ToLowerInvariant(),
            },
            StorageService.Queue => "queue:admin",
            StorageService.Table when path.EndsWith("/$batch", StringComparison.Ordinal) => "table:transaction",
            StorageService.Table when path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal) => "table:admin",
            StorageService.Table => method switch
            {
                "GET" => "table:query",
                "POST" => "table:insert",
                "PUT" => "table:upsert",
                "MERGE" or "PATCH" => "table:merge",
                "DELETE" => "table:delete",
                _ => "table:" + method.ToLowerInvariant(),
            },
            _ => "blob:" + method.ToLowerInvariant(),
        };
    }
}
