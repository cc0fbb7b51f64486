namespace Dunning.Endpoints.Operations;

/// <summary>The OpenAPI document of the endpoints, as the local host generates it from its minimal APIs, kept in this
/// assembly (Operations/openapi-v1.json) for the Function App, which has no minimal APIs to generate it from. A test
/// compares it with the local host's live document, so a changed endpoint fails until the file is written again
/// (<c>DUNNING_WRITE_OPENAPI=1 dotnet test --filter OpenApiSnapshot</c>).</summary>
public static class OpenApiSnapshot
{
    public const string ResourceName = "openapi/v1.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiSnapshot).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(OpenApiSnapshot).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The document's bytes.</summary>
    public static ReadOnlyMemory<byte> Bytes => Document.Value;

    public static IResult Serve() => TypedResults.Bytes(Document.Value, "application/json; charset=utf-8");
}
