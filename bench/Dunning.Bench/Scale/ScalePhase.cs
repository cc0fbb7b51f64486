using System.Collections.Concurrent;
using Dunning.Channels.Storage;
using Dunning.Workflow;

namespace Dunning.Bench;

/// <summary>The service at 10k and 20k open cases (or the sizes asked for): the cases are put in place (see
/// <see cref="CaseSeeder"/>), a fresh service process starts at each size (on the same tables, with a task hub of its own),
/// opens a few hundred more cases itself over HTTP (each starts its workflow on the service's own engine, so it works at
/// that size rather than idles), then the first page of active cases is timed; the service's peak working set covers
/// all of it.</summary>
public static class ScalePhase
{
    private const int Repeats = 5;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<ScalePoint>> RunAsync(string connectionString, BenchOptions options, string repoRoot, string apiDll,
        Action<string> progress, CancellationToken cancellationToken = default)
    {
        var tables = new CaseTables(new StorageAccount(new StorageOptions { ConnectionString = connectionString, Prefix = CaseSeeder.Run }, new RequestCounter()));
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var readModels = new ReadModelStore(tables);
        var store = new CaseStore(tables);
        var points = new List<ScalePoint>();
        var seeded = 0;
        var extra = 0;
        foreach (var size in options.ScaleSizes)
        {
            var seedClock = TimeProvider.System.GetTimestamp();
            await CaseSeeder.SeedAsync(tables, seeded, size, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            var seedSeconds = TimeProvider.System.GetElapsedTime(seedClock).TotalSeconds;
            seeded = size;
            progress($"{size:N0} cases in place ({seedSeconds:F0} s); starting the service");

            await using var service = await ServiceProcess.StartApiAsync(apiDll, repoRoot, connectionString, CaseSeeder.Run, $"{CaseSeeder.Run}{points.Count + 1}",
                cancellationToken).ConfigureAwait(false);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var openClock = TimeProvider.System.GetTimestamp();
            var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120);
            var opens = Enumerable.Range(0, options.ScaleOpens).Select(k => BenchCases.Open(CaseSeeder.Run, 10_000_000 + extra + k, due, DateTimeOffset.UtcNow)).ToList();
            var pending = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(opens, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (open, ct) =>
            {
                if (!await FirstPageProbe.OpenOverHttpAsync(http, service.BaseAddress, open, ct).ConfigureAwait(false))
                {
                    pending.Add(open.CaseId);
                }
            }).ConfigureAwait(false);
            extra += options.ScaleOpens;
            await WaitUntilStoredAsync(store, [.. pending], cancellationToken).ConfigureAwait(false);
            var openSeconds = TimeProvider.System.GetElapsedTime(openClock).TotalSeconds;
            progress($"the service opened {options.ScaleOpens} cases at {size:N0} in {openSeconds:F0} s ({pending.Count} answered 202); timing the first page");

            var pages = new List<(double Ms, int Items)>();
            for (var i = 0; i < Repeats; i++)
            {
                pages.Add(await FirstPageProbe.OverHttpAsync(http, service.BaseAddress, cancellationToken).ConfigureAwait(false));
            }

            var warm = pages.Skip(1).Select(p => p.Ms).Order().ToList();
            var (indexMs, stateMs) = await FirstPageProbe.PartsAsync(readModels, store, cancellationToken).ConfigureAwait(false);
            points.Add(new ScalePoint(size, "Dunning.Api", Math.Round(seedSeconds, 1), options.ScaleOpens, Math.Round(openSeconds, 1), service.PeakWorkingSetMb(),
                Math.Round(pages[0].Ms, 1), Math.Round(warm[warm.Count / 2], 1), pages[0].Items, indexMs, stateMs));
        }

        return points;
    }

    /// <summary>The cases the service accepted before their workflow had committed them are waited for, by point reads.</summary>
    private static async Task WaitUntilStoredAsync(CaseStore store, IReadOnlyList<string> caseIds, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var missing = caseIds.ToList();
        while (missing.Count > 0)
        {
            if (TimeProvider.System.GetElapsedTime(started) > OpenTimeout)
            {
                throw new TimeoutException($"The service did not open {missing.Count} of its cases within {OpenTimeout.TotalMinutes} minutes.");
            }

            var still = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
            {
                if (await store.GetAsync(id, ct).ConfigureAwait(false) is null)
                {
                    still.Add(id);
                }
            }).ConfigureAwait(false);
            missing = [.. still];
            if (missing.Count > 0)
            {
                await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
