using System.Diagnostics;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>
/// Runs the Azurite pinned in tools/azurite as a child process on 127.0.0.1 (data in memory, or in a folder),
/// and kills it (with everything it spawned) on dispose.
/// </summary>
public sealed partial class AzuriteLauncher : IAsyncDisposable
{
    // Azurite answers in about 3 s on an idle machine; a busy 2-core CI box running several test hosts needs far more.
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(120);

    // How often a clash on auto-picked ports is retried with fresh ones before giving up.
    private const int MaxPortPickAttempts = 3;

    private readonly Process process;
    private readonly ProcessOutputTail output;
    private int disposed;

    private AzuriteLauncher(Process process, ProcessOutputTail output, AzuritePorts ports)
    {
        this.process = process;
        this.output = output;
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

    /// <summary>Process id of the node process running Azurite.</summary>
    public int ProcessId => process.Id;

    /// <summary>Options for the ports Azure tools assume by default (10000 blob, 10001 queue, 10002 table).</summary>
    public static AzuriteLaunchOptions ForDefaultPorts(string toolDirectory) =>
        new(toolDirectory, BlobPort: 10000, QueuePort: 10001, TablePort: 10002);

    /// <summary>
    /// Installs Azurite with npm ci when node_modules is missing or stale, starts it, and returns once
    /// all three services accept connections and the table service answers HTTP.
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

    /// <summary>Kills Azurite and its process tree and waits until it has exited.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited; nothing to kill.
        }

        // SIGKILL cannot be ignored, so this only waits for the OS to reap it and for the output pipes to close.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }
}
