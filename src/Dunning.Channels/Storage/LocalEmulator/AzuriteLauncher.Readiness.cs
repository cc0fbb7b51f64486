using System.Net.Sockets;

namespace Dunning.Channels.Storage.LocalEmulator;

public sealed partial class AzuriteLauncher
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>True when something accepts TCP connections on host:port (used to find an emulator already running).</summary>
    public static async Task<bool> IsListeningAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(ProbeTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// An open port only proves the socket is bound; an HTTP round trip to each service proves its request pipeline is
    /// up. The three start in parallel, each in its own process, so each is asked.
    /// </summary>
    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = ProbeTimeout };
        var pending = services.ToList();
        try
        {
            while (true)
            {
                if (services.FirstOrDefault(service => service.HasExited) is { } dead)
                {
                    await dead.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                    throw new AzuriteStartException(
                        $"Azurite's {dead.Service.Name} service exited with code {dead.ExitCode} while starting on ports {BlobPort}/{QueuePort}/{TablePort}.",
                        output.ToString());
                }

                foreach (var service in pending.ToList())
                {
                    var port = service.Service.Port(ports);
                    var probe = new Uri($"http://127.0.0.1:{port}/{AzuriteConnectionString.AccountName}{service.Service.ProbePath}");
                    if (await IsListeningAsync("127.0.0.1", port, deadline.Token).ConfigureAwait(false)
                        && await AnswersHttpAsync(http, probe, deadline.Token).ConfigureAwait(false))
                    {
                        pending.Remove(service);
                    }
                }

                if (pending.Count == 0)
                {
                    return;
                }

                await Task.Delay(ProbeInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AzuriteStartException(
                $"Azurite did not answer on ports {BlobPort}/{QueuePort}/{TablePort} within {timeout.TotalSeconds:0} s " +
                $"(still waiting for: {string.Join(", ", pending.Select(service => service.Service.Name))}).",
                output.ToString(),
                exception);
        }
    }

    private static async Task<bool> AnswersHttpAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            // Any status counts: unauthenticated, Azurite answers 403, which proves it is serving requests.
            using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout for this one probe, not the overall deadline.
            return false;
        }
    }
}
