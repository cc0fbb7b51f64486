using System.Diagnostics;
using System.Globalization;
using Dunning.Channels.Storage;
using Dunning.Channels.Storage.LocalEmulator;
using Dunning.Workflow;

namespace Dunning.Api.Hosting;

/// <summary>Before anything else starts: brings up the pinned Azurite as a child process when the storage is the local
/// emulator and nothing answers on its table port (its data in <see cref="HostSettings.AzuriteData"/>, so a restarted
/// host finds every case again); the case tables are created next, by <see cref="CaseTablesInitializer"/>. After everything has stopped (the engine included), it
/// stops the Azurite it started; one it found running is left alone.</summary>
public sealed class LocalStorage(
    StorageOptions storageOptions,
    HostSettings settings,
    CaseTables tables,
    ILogger<LocalStorage> logger) : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>In the data folder: the pid of the host that started the Azurite using it.</summary>
    private const string OwnerFile = "dunning-host.pid";
    private static readonly TimeSpan OrphanPatience = TimeSpan.FromSeconds(20);

    private AzuriteLauncher? _azurite;

    /// <summary>Where the storage is, for the start-up banner.</summary>
    public string Description { get; private set; } = "not started";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (storageOptions.UsesIdentity)
        {
            Description = $"storage account {storageOptions.AccountName} (by identity)";
        }
        else
        {
            await StartEmulatorIfNeededAsync(cancellationToken);
        }

        HostLog.StorageReady(logger, Description);
    }

    private async Task StartEmulatorIfNeededAsync(CancellationToken cancellationToken)
    {

        var endpoint = StorageEndpoint.Parse(storageOptions.ConnectionString);
        var data = string.IsNullOrWhiteSpace(settings.AzuriteData) ? null : settings.AzuriteData;
        if (endpoint.IsLocalEmulator && settings.StartLocalEmulator && data is not null)
        {
            await WaitForOrphanAsync(endpoint, data, cancellationToken);
        }

        if (!endpoint.IsLocalEmulator)
        {
            Description = $"storage account {tables.Account.Tables.AccountName}";
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
            HostLog.StartingAzurite(logger, tools, data ?? "memory");
            _azurite = await AzuriteLauncher.StartAsync(
                new AzuriteLaunchOptions(tools, endpoint.BlobPort, endpoint.QueuePort, endpoint.TablePort, Location: data), cancellationToken);
            if (data is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(data, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }

            Description = $"Azurite (pid {_azurite.ProcessId}) on 127.0.0.1: blob {_azurite.BlobPort}, queue {_azurite.QueuePort}, table {_azurite.TablePort}; data in {data ?? "memory"}";
        }
    }

    /// <summary>A host killed outright leaves its Azurite running for a moment: it notices its parent is gone, saves and
    /// exits (tools/azurite/exit-with-parent.cjs). Taking it for a running emulator would lose the storage a second
    /// later, so when the data folder names a dead owner, wait for that Azurite to go and start a fresh one.</summary>
    private async Task WaitForOrphanAsync(StorageEndpoint endpoint, string data, CancellationToken cancellationToken)
    {
        var owner = Path.Combine(data, OwnerFile);
        if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner, cancellationToken), out var pid) || ProcessLiveness.IsAlive(pid))
        {
            return;
        }

        var deadline = Stopwatch.StartNew();
        while (await AzuriteLauncher.IsListeningAsync(endpoint.TableHost, endpoint.TablePort, cancellationToken) && deadline.Elapsed < OrphanPatience)
        {
            HostLog.WaitingForOrphan(logger, pid);
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
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
