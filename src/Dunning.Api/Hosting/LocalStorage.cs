using Dunning.Runtime;
using Dunning.Runtime.LocalEmulator;

namespace Dunning.Api.Hosting;

/// <summary>Before anything else starts: brings up the pinned Azurite as a child process when the storage is the local
/// emulator and nothing answers on its table port, then creates the tables and queues. After everything has stopped
/// (the processors drained), it stops the Azurite it started; one it found running is left alone.</summary>
public sealed class LocalStorage(
    RuntimeOptions runtime,
    HostSettings settings,
    StorageClients storage,
    ILogger<LocalStorage> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private AzuriteLauncher? _azurite;

    /// <summary>Where the storage is, for the start-up banner.</summary>
    public string Description { get; private set; } = "not started";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var endpoint = StorageEndpoint.Parse(runtime.StorageConnectionString);
        if (!endpoint.IsLocalEmulator)
        {
            Description = $"storage account {storage.Tables.AccountName}";
        }
        else if (await AzuriteLauncher.IsListeningAsync(endpoint.TableHost, endpoint.TablePort, cancellationToken))
        {
            Description = $"storage emulator already listening on {endpoint.TableHost}:{endpoint.TablePort} (table)";
        }
        else if (!settings.StartLocalEmulator)
        {
            Description = $"storage emulator expected on {endpoint.TableHost}:{endpoint.TablePort} (not started: Dunning:Host:StartLocalEmulator is false)";
        }
        else
        {
            var tools = FindTools();
            HostLog.StartingAzurite(logger, tools);
            _azurite = await AzuriteLauncher.StartAsync(
                new AzuriteLaunchOptions(tools, endpoint.BlobPort, endpoint.QueuePort, endpoint.TablePort), cancellationToken);
            Description = $"Azurite (pid {_azurite.ProcessId}) on 127.0.0.1: blob {_azurite.BlobPort}, queue {_azurite.QueuePort}, table {_azurite.TablePort}";
        }

        HostLog.StorageReady(logger, Description);
        await storage.EnsureCreatedAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _azurite, null) is { } azurite)
        {
            var pid = azurite.ProcessId;
            await azurite.DisposeAsync();
            HostLog.AzuriteStopped(logger, pid);
        }
    }

    private static string FindTools()
    {
        try
        {
            return AzuriteLauncher.FindToolDirectory(Directory.GetCurrentDirectory());
        }
        catch (DirectoryNotFoundException)
        {
            return AzuriteLauncher.FindToolDirectory(AppContext.BaseDirectory);
        }
    }
}
