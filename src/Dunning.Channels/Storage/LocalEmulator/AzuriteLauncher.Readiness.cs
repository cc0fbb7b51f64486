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
    /// An open port only proves the socket is bound; the HTTP round trip proves the table service's
    /// request pipeline is up, which is the last of the three Azurite starts.
    /// </summary>
    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = ProbeTimeout };
        var tableProbe = new Uri($"http://127.0.0.1:{TablePort}/{AzuriteConnectionString.AccountName}/Tables");
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    // Waiting again lets the asynchronous readers drain what Azurite said before dying.
                    await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                    throw new AzuriteStartException(
                        $"Azurite exited with code {process.ExitCode} while starting on ports {BlobPort}/{QueuePort}/{TablePort}.",
                        output.ToString());
                }

                if (await AllPortsListenAsync(deadline.Token).ConfigureAwait(false)
                    && await AnswersHttpAsync(http, tableProbe, deadline.Token).ConfigureAwait(false))
                {
                    return;
                }

                await Task.Delay(ProbeInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AzuriteStartException(
                $"Azurite did not answer on ports {BlobPort}/{QueuePort}/{TablePort} within {timeout.TotalSeconds:0} s.",
                output.ToString(),
                exception);
        }
    }

    private async Task<bool> AllPortsListenAsync(CancellationToken cancellationToken)
    {
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (!await IsListeningAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
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
