using System.Text.Json;
using Dunning.Domain;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Http;

/// <summary>Reads a request body within the endpoint's limit and turns every way it can be wrong into a problem:
/// too large (413), malformed JSON or a value of the wrong kind, unknown enum names included (400). Never a 500.</summary>
public static class RequestBody
{
    /// <summary>The raw bytes, or a 413 problem.</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? BodyLimits.Json;
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>A JSON body as <typeparamref name="T"/> (domain JSON: camelCase, enums as strings), or a problem.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        var (bytes, problem) = await ReadBytesAsync(context, cancellationToken);
        return bytes is null ? (null, problem) : ParseJson<T>(bytes);
    }

    public static (T? Value, ProblemHttpResult? Problem) ParseJson<T>(ReadOnlySpan<byte> bytes) where T : class
    {
        if (bytes.IsEmpty)
        {
            return (null, Problems.Status(StatusCodes.Status400BadRequest, "The request has no body.", "Send a JSON object as described in the API's OpenAPI document."));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, DomainJson.Options) is { } value
                ? (value, null)
                : (null, Problems.Status(StatusCodes.Status400BadRequest, "The request body is null.", "Send a JSON object, not null."));
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            var line = ex.LineNumber is { } l ? $" (line {l + 1}, byte {ex.BytePositionInLine + 1})" : "";
            return (null, Problems.Status(StatusCodes.Status400BadRequest, "The request body is not valid JSON for this endpoint.",
                $"Fix the value{where}{line}: it is malformed or of the wrong type (enum values are names such as \"Willing\")."));
        }
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            $"This endpoint accepts at most {limit / 1024} KiB; split the data into smaller requests.");
}
