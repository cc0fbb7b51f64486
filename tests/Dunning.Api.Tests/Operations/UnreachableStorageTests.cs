using System.Net;
using Dunning.Channels.Storage;
using Dunning.Channels.Storage.LocalEmulator;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dunning.Api.Tests;

/// <summary>A host whose storage is gone after start: nothing listens on the ports its clients use.</summary>
public sealed class UnreachableStorageHost : ApiHost
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        // Nothing runs in the background (it would only fail), and the clients point at a closed port.
        services.RemoveAll<IHostedService>();
        services.RemoveAll<CaseTables>();
        services.AddSingleton(sp => new CaseTables(new StorageAccount(
            new StorageOptions { ConnectionString = AzuriteConnectionString.Create(1, 1, 1), Prefix = "gone" }, sp.GetRequiredService<RequestCounter>())));
    }
}

/// <summary>/readyz tells storage trouble from a dead process: 503 while /healthz stays 200.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnreachableStorageTests(AzuriteFixture azurite, UnreachableStorageHost host) : IClassFixture<UnreachableStorageHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Fact]
    public async Task GivenUnreachableStorage_WhenProbed_ThenHealthyButNotReady()
    {
        using var health = await _api.Anonymous.GetAsync("/healthz");
        using var ready = await _api.Anonymous.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
    }
}
