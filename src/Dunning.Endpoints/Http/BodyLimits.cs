using Microsoft.AspNetCore.Mvc;

namespace Dunning.Endpoints.Http;

/// <summary>Request body limits: small JSON for cases, actions and webhooks, larger for campaign files. Past them: 413.</summary>
public static class BodyLimits
{
    public const long Json = 64 * 1024;
    public const long Campaign = 10 * 1024 * 1024;

    /// <summary>Event Grid delivers batches of at most 1 MB.</summary>
    public const long EventGridBatch = 1024 * 1024;

    /// <summary>Tells the server (Kestrel) the endpoint's limit too, so an oversized body is cut off while it streams.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes), new BodyLimit(bytes));
}

/// <summary>The body limit an endpoint declared; <see cref="RequestBody"/> enforces it on any server.</summary>
public sealed record BodyLimit(long Bytes);
