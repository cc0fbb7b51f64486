using Dunning.Domain;
using Dunning.Channels.Storage;
using Dunning.Workflow;

namespace Dunning.Endpoints.Operations;

/// <summary>Portfolio figures from the case index (never a scan of the cases): counts by status and stage, money per
/// currency, recovery and promise-kept rates. Computed at most every <see cref="CacheFor"/> (real time), since it
/// pages through the whole index.</summary>
public sealed class CaseMetrics(ReadModelStore readModels, RequestCounter requests, VirtualClock clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private const int PageSize = 1000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (MetricsReport Report, long At)? _cached;

    public async Task<MetricsReport> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var report = await ComputeAsync(cancellationToken);
            _cached = (report, clock.GetTimestamp());
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    private MetricsReport? Fresh() =>
        _cached is { } c && clock.GetElapsedTime(c.At) < CacheFor ? c.Report : null;

    private async Task<MetricsReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var byStatus = Enum.GetValues<CaseStatus>().ToDictionary(s => s.ToString(), _ => 0);
        var byStage = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var money = new SortedDictionary<string, (decimal Due, decimal Outstanding, decimal Recovered)>(StringComparer.Ordinal);
        int total = 0, kept = 0, broken = 0;
        string? token = null;
        do
        {
            var page = await readModels.ListAsync(null, null, null, null, PageSize, token, cancellationToken);
            foreach (var e in page.Items)
            {
                total++;
                byStatus[e.Status.ToString()]++;
                byStage[e.Stage] = byStage.GetValueOrDefault(e.Stage) + 1;
                var m = money.GetValueOrDefault(e.AmountDue.Currency);
                var open = e.Status is CaseStatus.Active or CaseStatus.Paused or CaseStatus.HandedToLegal;
                money[e.AmountDue.Currency] = (m.Due + e.AmountDue.Amount, m.Outstanding + (open ? e.Outstanding.Amount : 0m), m.Recovered + e.Recovered.Amount);
                kept += e.PromisesKept;
                broken += e.BrokenPromises;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        var currencies = money.Select(m => new CurrencyFigures(m.Key, new Money(m.Value.Due, m.Key), new Money(m.Value.Outstanding, m.Key),
            new Money(m.Value.Recovered, m.Key), m.Value.Due == 0 ? 0 : Math.Round(m.Value.Recovered / m.Value.Due, 4))).ToList();
        return new MetricsReport(clock.GetUtcNow(), total, byStatus, byStage,
            currencies.Select(c => c.Outstanding).ToList(), currencies.Select(c => c.Recovered).ToList(), currencies,
            kept + broken == 0 ? null : Math.Round((decimal)kept / (kept + broken), 4), requests.Snapshot());
    }
}

/// <summary>The body of GET /api/metrics. Amounts are per currency (never converted); the recovery rate is recovered
/// over amount due per currency; the promise-kept rate is kept over kept plus broken (null before any promise ends).</summary>
public sealed record MetricsReport(
    DateTimeOffset AsOf,
    int Cases,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByStage,
    IReadOnlyList<Money> Outstanding,
    IReadOnlyList<Money> Recovered,
    IReadOnlyList<CurrencyFigures> Currencies,
    decimal? PromiseKeptRate,
    IReadOnlyDictionary<string, long> StorageRequests);

/// <summary>The money figures of one currency.</summary>
public sealed record CurrencyFigures(string Currency, Money AmountDue, Money Outstanding, Money Recovered, decimal RecoveryRate);
