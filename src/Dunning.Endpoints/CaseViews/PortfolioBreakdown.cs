using Dunning.Endpoints.Cases;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Endpoints.CaseViews;

/// <summary>GET /api/metrics/breakdown: cases and open amounts by stage and by delinquency bucket, from the case index
/// (never a scan of the cases). Buckets are counted as GET counts them (days past due in the debtor's zone). Amounts
/// are per currency, never converted, and only of cases still pursued (active, paused, with legal). Like
/// <c>/api/metrics</c>, computed at most every <see cref="CacheFor"/> of real time.</summary>
public sealed class PortfolioBreakdown(ReadModelStore readModels, PolicyCatalog policies, VirtualClock clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private const int PageSize = 1000;
    private static readonly string[] BucketOrder = ["Current", "M1", "M2", "M3", "M3+"];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (BreakdownReport Report, long At)? _cached;

    public async Task<BreakdownReport> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } c && clock.GetElapsedTime(c.At) < CacheFor)
            {
                return c.Report;
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

    private async Task<BreakdownReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byStage = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byBucket = BucketOrder.ToDictionary(b => b, _ => new Tally(), StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await readModels.ListAsync(null, null, null, null, PageSize, token, cancellationToken);
            foreach (var e in page.Items)
            {
                var item = CaseResponse.From(e, policies.Find(e.PolicyId, e.PolicyVersion), now);
                var open = item.Status is CaseStatus.Active or CaseStatus.Paused or CaseStatus.HandedToLegal;
                (byStage.TryGetValue(item.Stage, out var stage) ? stage : byStage[item.Stage] = new Tally()).Add(item, open);
                byBucket[item.Bucket].Add(item, open);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return new BreakdownReport(now,
            [.. byStage.Select(s => s.Value.ToGroup(s.Key))],
            [.. BucketOrder.Select(b => byBucket[b].ToGroup(b))]);
    }

    private sealed class Tally
    {
        private readonly SortedDictionary<string, decimal> _outstanding = new(StringComparer.Ordinal);
        private int _cases;
        private int _open;

        public void Add(CaseResponse item, bool open)
        {
            _cases++;
            if (open)
            {
                _open++;
                _outstanding[item.Outstanding.Currency] = _outstanding.GetValueOrDefault(item.Outstanding.Currency) + item.Outstanding.Amount;
            }
        }

        public BreakdownGroup ToGroup(string key) => new(key, _cases, _open, [.. _outstanding.Select(o => new Money(o.Value, o.Key))]);
    }
}

/// <summary>The body of GET /api/metrics/breakdown.</summary>
public sealed record BreakdownReport(DateTimeOffset AsOf, IReadOnlyList<BreakdownGroup> ByStage, IReadOnlyList<BreakdownGroup> ByBucket);

/// <summary>One stage or bucket: all its cases, those still pursued, and their outstanding per currency.</summary>
public sealed record BreakdownGroup(string Key, int Cases, int OpenCases, IReadOnlyList<Money> Outstanding);
