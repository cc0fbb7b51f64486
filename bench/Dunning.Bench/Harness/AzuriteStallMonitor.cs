using System.Diagnostics;

namespace Dunning.Bench;

/// <summary>Watches whether Azurite answers at all. Azurite is one Node.js process; about every 60 s its queue service
/// runs a mark-and-sweep over the message bodies it has kept, deleting each unreferenced one with a scan
/// (quadratic in the messages sent since the last sweep), and while it does nothing else is served. A ping of the blob
/// port (which touches no store) slower than <see cref="Threshold"/> marks such a stall, so the figures can say how much
/// of a window Azurite spent frozen.</summary>
public sealed class AzuriteStallMonitor : IAsyncDisposable
{
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long From, long To)> _stalls = [];
    private readonly Uri _ping;
    private readonly Task _loop;

    public AzuriteStallMonitor(int blobPort)
    {
        _ping = new Uri($"http://127.0.0.1:{blobPort}/devstoreaccount1?comp=list");
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Seconds of stall that overlap the interval between two <see cref="Stopwatch"/> timestamps.</summary>
    public double StalledSeconds(long from, long to)
    {
        lock (_stalls)
        {
            return _stalls.Sum(s => Math.Max(0, Math.Min(s.To, to) - Math.Max(s.From, from))) / (double)Stopwatch.Frequency;
        }
    }

    public int StallsBetween(long from, long to)
    {
        lock (_stalls)
        {
            return _stalls.Count(s => s.To > from && s.From < to);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _http.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var from = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.GetAsync(_ping, _stop.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // Azurite has gone (the phase is over); nothing to watch.
                return;
            }

            var to = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(from, to) > Threshold)
            {
                lock (_stalls)
                {
                    _stalls.Add((from, to));
                }
            }

            await Task.Delay(Every, _stop.Token).ConfigureAwait(false);
        }
    }
}
