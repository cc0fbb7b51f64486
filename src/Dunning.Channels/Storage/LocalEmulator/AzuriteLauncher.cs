namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>
/// Runs the Azurite pinned (and patched) in tools/azurite on 127.0.0.1 as three child processes, one per service, so
/// blob, queue and table requests are served on separate cores instead of sharing one Node.js thread; data in memory,
/// or in a folder. On dispose it stops them (saving first when the data is in a folder).
/// </summary>
public sealed partial class AzuriteLauncher : IAsyncDisposable
{
    // Azurite answers in about 3 s on an idle machine; a busy 2-core CI box running several test hosts needs far more.
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(120);

    // How long a service kept in a folder may take to save and exit once asked to, before it is killed.
    private static readonly TimeSpan SavePatience = TimeSpan.FromSeconds(30);

    // How often a clash on auto-picked ports is retried with fresh ones before giving up.
    private const int MaxPortPickAttempts = 3;

    private readonly IReadOnlyList<AzuriteServiceProcess> services;
    private readonly ProcessOutputTail output;
    private readonly bool savesToFolder;
    private readonly AzuritePorts ports;
    private int disposed;

    private AzuriteLauncher(IReadOnlyList<AzuriteServiceProcess> services, ProcessOutputTail output, AzuritePorts ports, bool savesToFolder)
    {
        this.services = services;
        this.output = output;
        this.savesToFolder = savesToFolder;
        this.ports = ports;
        BlobPort = ports.Blob;
        QueuePort = ports.Queue;
        TablePort = ports.Table;
        ConnectionString = AzuriteConnectionString.Create(ports.Blob, ports.Queue, ports.Table);
    }

    /// <summary>Full connection string with explicit endpoints for this Azurite's ports.</summary>
    public string ConnectionString { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The main process: the table service's, which is started last and, if orphaned, exits last (the one
    /// whose port tells whether this Azurite is still there).</summary>
    public int ProcessId => TableProcessId;

    public int BlobProcessId => ProcessOf(AzuriteService.Blob);

    public int QueueProcessId => ProcessOf(AzuriteService.Queue);

    public int TableProcessId => ProcessOf(AzuriteService.Table);

    /// <summary>All three service processes (blob, queue, table), e.g. to add up the emulator's CPU time.</summary>
    public IReadOnlyList<int> ProcessIds => [.. services.Select(service => service.Id)];

    /// <summary>Options for the ports Azure tools assume by default (10000 blob, 10001 queue, 10002 table).</summary>
    public static AzuriteLaunchOptions ForDefaultPorts(string toolDirectory) =>
        new(toolDirectory, BlobPort: 10000, QueuePort: 10001, TablePort: 10002);

    /// <summary>
    /// Installs (and patches) Azurite with npm ci when node_modules is missing or stale, starts its three services, and
    /// returns once each accepts connections and answers HTTP.
    /// </summary>
    public static async Task<AzuriteLauncher> StartAsync(
        AzuriteLaunchOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var toolDirectory = Path.GetFullPath(options.ToolDirectory);
        if (options.Location is { } location)
        {
            Directory.CreateDirectory(location);
        }
        if (!File.Exists(Path.Combine(toolDirectory, "package.json")))
        {
            throw new DirectoryNotFoundException($"{toolDirectory} holds no package.json; expected the repo's tools/azurite.");
        }

        await EnsureInstalledAsync(toolDirectory, cancellationToken).ConfigureAwait(false);

        var timeout = options.StartTimeout ?? DefaultStartTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var ports = AzuritePorts.Resolve(options);
            try
            {
                return await LaunchAsync(toolDirectory, ports, options.Location, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (AzuriteStartException exception)
                when (attempt < MaxPortPickAttempts && ports.PickedFor(options).Any(exception.ReportsPortInUse))
            {
                // Another process took a port we picked between our probe releasing it and Azurite binding it.
                // A clash on a port the caller asked for is not retried: it would only clash again.
            }
        }
    }

    /// <summary>Stops all three services and waits until each has exited: with data in a folder, each is asked to shut
    /// down and so saves first; in memory there is nothing to save and each is killed at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await Task.WhenAll(services.Select(service => service.StopAsync(savesToFolder, SavePatience))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var service in services)
            {
                service.Dispose();
            }
        }
    }

    private int ProcessOf(AzuriteService service) => services.Single(process => process.Service == service).Id;
}
