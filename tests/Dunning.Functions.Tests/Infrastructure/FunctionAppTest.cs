using Dunning.Workflow.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Functions.Tests;

/// <summary>A test class with a Function App of its own for each test (its own storage prefix on the shared Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public abstract class FunctionAppTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected FunctionApp App { get; private set; } = null!;

    /// <summary>App settings on top of the test host's.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>>? Settings => null;

    /// <summary>Service changes after the app's own composition.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync() => App = await FunctionApp.StartAsync(azurite, Settings, ConfigureServices);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
