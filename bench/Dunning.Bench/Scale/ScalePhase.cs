using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>The service at 10k and 100k open cases: the cases are seeded (see <see cref="CaseSeeder"/>), a fresh service
/// process starts at each size, opens a few hundred more cases itself with its own processors (so it works at that
/// size rather than idles), then the first page of active cases is timed; the service's peak working set covers all of
/// it.</summary>
public static class ScalePhase
{
    private const int Repeats = 5;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(3);

    public static async Task<IReadOnlyList<ScalePoint>> RunAsync(string connectionString, BenchOptions options, string repoRoot, string? apiDll,
        Action<string> progress, CancellationToken cancellationToken = default)
    {
        var storage = new StorageClients(new RuntimeOptions { StorageConnectionString = connectionString, Prefix = CaseSeeder.Run }, new RequestCounter());
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var inbox = new CaseInbox(storage, new VirtualClock(new ClockOptions()), new RuntimeOptions());
        var readModels = new ReadModelStore(storage);
        var store = new CaseStore(storage);
        var points = new List<ScalePoint>();
        var seeded = 0;
        var extra = 0;
        foreach (var size in options.ScaleSizes)
        {
            var seedClock = TimeProvider.System.GetTimestamp();
            await CaseSeeder.SeedAsync(storage, seeded, size, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            var seedSeconds = TimeProvider.System.GetElapsedTime(seedClock).TotalSeconds;
            seeded = size;
            progress($"{size:N0} cases in place ({seedSeconds:F0} s); starting the service");

            ServiceProcess? started = null;
            if (apiDll is not null)
            {
                try
                {
                    started = await ServiceProcess.StartApiAsync(apiDll, repoRoot, connectionString, CaseSeeder.Run, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException ex)
                {
                    progress($"the API did not start, so the runtime-only stand-in serves from here: {ex.Message.Split('\n')[0]}");
                    apiDll = null;
                }
            }

            await using var service = started ?? await ServiceProcess.StartStandInAsync(connectionString, CaseSeeder.Run, cancellationToken).ConfigureAwait(false);

            var openClock = TimeProvider.System.GetTimestamp();
            var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120);
            await Parallel.ForEachAsync(Enumerable.Range(0, options.ScaleOpens), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (k, ct) =>
                {
                    var open = BenchCases.Open(CaseSeeder.Run, 10_000_000 + extra + k, due, DateTimeOffset.UtcNow);
                    await inbox.SendAsync(open.CaseId, open, cancellationToken: ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
            extra += options.ScaleOpens;
            await WaitUntilProcessedAsync(storage, cancellationToken).ConfigureAwait(false);
            var openSeconds = TimeProvider.System.GetElapsedTime(openClock).TotalSeconds;
            progress($"the service opened {options.ScaleOpens} cases at {size:N0} in {openSeconds:F0} s; timing the first page");

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var pages = new List<(double Ms, int Items)>();
            for (var i = 0; i < Repeats; i++)
            {
                pages.Add(service.BaseAddress is { } api
                    ? await FirstPageProbe.OverHttpAsync(http, api, cancellationToken).ConfigureAwait(false)
                    : await FirstPageProbe.InProcessAsync(readModels, cancellationToken).ConfigureAwait(false));
            }

            var warm = pages.Skip(1).Select(p => p.Ms).Order().ToList();
            var (indexMs, stateMs) = await FirstPageProbe.PartsAsync(readModels, store, cancellationToken).ConfigureAwait(false);
            points.Add(new ScalePoint(size, service.BaseAddress is null ? "runtime stand-in; page timed in-process" : "Dunning.Api",
                Math.Round(seedSeconds, 1), options.ScaleOpens, Math.Round(openSeconds, 1), service.PeakWorkingSetMb(),
                Math.Round(pages[0].Ms, 1), Math.Round(warm[warm.Count / 2], 1), pages[0].Items, indexMs, stateMs));
        }

        return points;
    }

    /// <summary>The openings are done when no inbox message is visible twice a second apart (the cases' own timers wait
    /// invisible for months; one being processed is invisible for a moment too, hence the second look).</summary>
    private static async Task WaitUntilProcessedAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var quiet = 0;
        while (quiet < 2)
        {
            if (TimeProvider.System.GetElapsedTime(started) > OpenTimeout)
            {
                throw new TimeoutException($"The service did not open its cases within {OpenTimeout.TotalMinutes} minutes.");
            }

            var visible = 0;
            foreach (var queue in storage.Inbox)
            {
                visible += (await queue.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false)).Value.Length;
            }

            quiet = visible == 0 ? quiet + 1 : 0;
            await Task.Delay(visible == 0 ? 1000 : 500, cancellationToken).ConfigureAwait(false);
        }
    }
}
