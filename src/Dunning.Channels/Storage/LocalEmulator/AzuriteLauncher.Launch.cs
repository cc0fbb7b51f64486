using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Dunning.Channels.Storage.LocalEmulator;

public sealed partial class AzuriteLauncher
{
    private static async Task<AzuriteLauncher> LaunchAsync(
        string toolDirectory,
        AzuritePorts ports,
        string? location,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var output = new ProcessOutputTail();
        var process = new Process { StartInfo = CreateStartInfo(toolDirectory, ports, location) };
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

    private static ProcessStartInfo CreateStartInfo(string toolDirectory, AzuritePorts ports, string? location)
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
        startInfo.Environment["DUNNING_AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "--require", Path.Combine(toolDirectory, "exit-with-parent.cjs"),
            EntryScript(toolDirectory),
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(ports.Blob),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(ports.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(ports.Table),
            // The Azure SDK sends a newer x-ms-version than this Azurite knows; without this every call is a 400.
            "--skipApiVersionCheck",
            // Azurite otherwise sends telemetry to an outside host, which this machine must not do.
            "--disableTelemetry",
            "--loose",
            "--silent",
        ];
        // In memory keeps test runs independent and leaves no files; a location keeps a local run's cases across restarts.
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in arguments.Concat(persistence))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string EntryScript(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);
}
