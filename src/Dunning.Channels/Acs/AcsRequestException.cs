using System.Text.Json;
using Azure;
using Azure.Core;

namespace Dunning.Channels.Acs;

/// <summary>Communication Services refused or failed a request. The message names the operation, the HTTP status, the
/// service's error code (<c>x-ms-error-code</c> or <c>error.code</c>) and its <c>error.message</c>.</summary>
public sealed class AcsRequestException : RequestFailedException
{
    public AcsRequestException(string operation, int status, string? errorCode, string? serviceMessage)
        : base(status, Describe(operation, status, errorCode, serviceMessage), errorCode, null)
    {
        Operation = operation;
        ServiceMessage = serviceMessage;
    }

    /// <summary>What was attempted, e.g. "SMS send" or "e-mail operation status".</summary>
    public string Operation { get; }

    public string? ServiceMessage { get; }

    /// <summary>Whether a later attempt with the same repeatability id or operation id may succeed.</summary>
    public bool IsTransient => Status is 408 or 429 or >= 500 or 0;

    internal static AcsRequestException From(string operation, Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (bodyCode, message) = ReadError(response);
        return new AcsRequestException(operation, response.Status, headerCode ?? bodyCode, message ?? response.ReasonPhrase);
    }

    private static (string? Code, string? Message) ReadError(Response response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && Json.Property(json.RootElement, "error") is { ValueKind: JsonValueKind.Object } error)
            {
                return (Json.String(error, "code"), Json.String(error, "message"));
            }
        }
        catch (JsonException)
        {
            // Not every failure (a gateway's 502, say) has a JSON body; the status still says what failed.
        }

        return (null, null);
    }

    private static string Describe(string operation, int status, string? code, string? message) =>
        $"ACS {operation} failed: HTTP {status}{(code is null ? "" : $" {code}")}{(string.IsNullOrEmpty(message) ? "" : $": {message}")}";
}
