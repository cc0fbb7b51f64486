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
        var started = new List<AzuriteServiceProcess>();
        try
        {
            foreach (var service in AzuriteService.All)
            {
                // Each outlives the ones started before it, so the table service (last) is the last to let go of its port.
                started.Add(AzuriteServiceProcess.Start(
                    toolDirectory, service, service.Port(ports), location, started.Select(process => process.Id), output));
            }
        }
        catch
        {
            await Task.WhenAll(started.Select(process => process.StopAsync(save: false, TimeSpan.Zero))).ConfigureAwait(false);
            started.ForEach(process => process.Dispose());
            throw;
        }

        var launcher = new AzuriteLauncher(started, output, ports, savesToFolder: location is not null);
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
}
