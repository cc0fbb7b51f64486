using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>The node process running one Azurite service; its output goes, prefixed with the service's name, to the
/// launcher's shared tail.</summary>
internal sealed class AzuriteServiceProcess : IDisposable
{
    private readonly Process process;

    private AzuriteServiceProcess(AzuriteService service, Process process)
    {
        Service = service;
        this.process = process;
        Id = process.Id;
    }

    public AzuriteService Service { get; }

    /// <summary>Kept from the start, so it can still be told (logged, checked) after the process is gone.</summary>
    public int Id { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <param name="awaitBeforeExit">Processes this one outlives when its parent dies (see exit-with-parent.cjs).</param>
    public static AzuriteServiceProcess Start(
        string toolDirectory,
        AzuriteService service,
        int port,
        string? location,
        IEnumerable<int> awaitBeforeExit,
        ProcessOutputTail output)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = toolDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };

        // Makes the service exit by itself if this process dies without disposing us (see exit-with-parent.cjs).
        startInfo.Environment["DUNNING_AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["DUNNING_AZURITE_OUTLIVE_PIDS"] =
            string.Join(',', awaitBeforeExit.Select(pid => pid.ToString(CultureInfo.InvariantCulture)));
        string[] arguments =
        [
            "--require", Path.Combine(toolDirectory, "exit-with-parent.cjs"),
            service.EntryScript(toolDirectory),
            $"--{service.Name}Host", "127.0.0.1", $"--{service.Name}Port", port.ToString(CultureInfo.InvariantCulture),
            // The Azure SDK sends a newer x-ms-version than this Azurite knows; without this every call is a 400.
            "--skipApiVersionCheck",
            // Azurite otherwise sends telemetry to an outside host, which this machine must not do.
            "--disableTelemetry",
            "--loose",
            // No access log: writing a line per request costs the emulator's one thread more than some requests do.
            "--silent",
        ];
        // In memory keeps test runs independent and leaves no files; a location keeps a local run's cases across
        // restarts. The three services share it: each keeps its own files there, as the combined azurite would.
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in arguments.Concat(persistence))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => output.Add(line.Data is null ? null : $"[{service.Name}] {line.Data}");
        process.ErrorDataReceived += (_, line) => output.Add(line.Data is null ? null : $"[{service.Name}] {line.Data}");
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
        return new AzuriteServiceProcess(service, process);
    }

    /// <summary>Waiting again after HasExited lets the asynchronous readers drain what the process said before dying.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// With <paramref name="save"/>, asks the service to shut down (SIGINT), which saves data kept in a folder, and kills
    /// it only if it has not exited within <paramref name="patience"/>; without, kills it at once.
    /// </summary>
    public async Task StopAsync(bool save, TimeSpan patience)
    {
        if (save && !process.HasExited && ProcessSignal.TryInterrupt(process.Id))
        {
            using var grace = new CancellationTokenSource(patience);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                // It did not finish saving in time; what it saved before is still there.
            }
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
        using var reaping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(reaping.Token).ConfigureAwait(false);
    }

    public void Dispose() => process.Dispose();
}
