using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Endpoints.Operations;
using Dunning.Endpoints.Routing;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Api.Tests;

/// <summary>The local host serves exactly the route table the Function App binds (whose functions.metadata the Function
/// App's tests compare with the same table), and the OpenAPI document the Function App serves is the one this host
/// generates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteTableTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private const string WriteVariable = "DUNNING_WRITE_OPENAPI";
    private readonly ApiHost _api = host.Use(azurite);

    [Fact]
    public void GivenTheLocalHost_WhenItsEndpointsAreListed_ThenTheyAreTheRouteTable()
    {
        var served = _api.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        var table = ApiRoutes.All.Select(r => (r.Method, r.Pattern, Name: (string?)r.Name))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(table, served);
    }

    [Fact]
    public async Task GivenTheLocalHostsOpenApiDocument_WhenComparedWithTheOneTheFunctionAppServes_ThenTheyAreTheSame()
    {
        var generated = Normalized(await _api.Anonymous.GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath(), generated);
        }

        var snapshot = Normalized(System.Text.Encoding.UTF8.GetString(OpenApiSnapshot.Bytes.Span));

        Assert.True(generated == snapshot,
            $"src/Dunning.Endpoints/Operations/openapi-v1.json is not this host's document: an endpoint changed. Write it again with {WriteVariable}=1 dotnet test --filter {nameof(RouteTableTests)}.");
    }

    /// <summary>The document without what depends on the request (the server it was read from), indented.</summary>
    private static string Normalized(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string SnapshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dunning.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("The repository root (Dunning.sln) is not above the test's folder."),
            "src", "Dunning.Endpoints", "Operations", "openapi-v1.json");
    }
}
