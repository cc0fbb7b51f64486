using System.ComponentModel;
using System.Diagnostics;

namespace Dunning.Runtime.LocalEmulator;

/// <summary>
/// Runs the Azurite pinned in tools/azurite as a child process on 127.0.0.1 with in-memory storage,
/// and kills it (with everything it spawned) on dispose.
/// </summary>
public sealed partial class AzuriteLauncher : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);

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
                return await LaunchAsync(toolDirectory, ports, timeout, cancellationToken).ConfigureAwait(false);
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

    private static async Task<AzuriteLauncher> LaunchAsync(
        string toolDirectory,
        AzuritePorts ports,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var output = new ProcessOutputTail();
        var process = new Process { StartInfo = CreateStartInfo(toolDirectory, ports) };
        process.OutputDataReceived += (_, line) => output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => output.Add(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new AzuriteStartException("Could not run 'node'; Node.js 20 or newer must be on PATH.", exception.Message, exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var launcher = new AzuriteLauncher(process, output, ports);
        try
        {
            await launcher.WaitUntilReadyAsync(timeout, cancellationToken).ConfigureAwait(false);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static ProcessStartInfo CreateStartInfo(string toolDirectory, AzuritePorts ports)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = toolDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };

        // Makes Azurite exit by itself if this process dies without disposing us (see exit-with-parent.cjs).
        startInfo.Environment["DUNNING_AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "--require", Path.Combine(toolDirectory, "exit-with-parent.cjs"),
            EntryScript(toolDirectory),
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(ports.Blob),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(ports.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(ports.Table),
            // In-memory keeps test runs independent and leaves no files; it cannot be combined with --location.
            "--inMemoryPersistence",
            // The Azure SDK sends a newer x-ms-version than this Azurite knows; without this every call is a 400.
            "--skipApiVersionCheck",
            // Azurite otherwise sends telemetry to an outside host, which this machine must not do.
            "--disableTelemetry",
            "--loose",
            "--silent",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string EntryScript(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");

    private static string Invariant(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
