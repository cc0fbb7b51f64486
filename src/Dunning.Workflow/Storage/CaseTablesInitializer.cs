using Microsoft.Extensions.Hosting;

namespace Dunning.Workflow;

/// <summary>Creates the case tables when the host starts (in the local host after its Azurite is up; in the Function App
/// on the account the deployment gave it, where they normally exist already).</summary>
public sealed class CaseTablesInitializer(CaseTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
