using System.Text.Json;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Azure;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Logging;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Endpoints.Campaigns;

/// <summary>Opens the cases of stored campaigns, one pass at a time (the local host's <see cref="CampaignWorker"/> loops
/// over it, the Function App's timer calls it). A row whose case exists is a duplicate; otherwise its case's workflow is
/// started with the open command (instance id = case id, and a start never replaces a running workflow), so a crash, a
/// second host or a re-import opens nothing twice. Starts follow the engine: at most
/// <see cref="CampaignOptions.MaxOpensInFlight"/> opens of a campaign wait for their first commit at once, and a token
/// bucket (<see cref="CampaignOptions.StartsPerSecond"/>) caps the rate, so a big import does not flood the task hub. A campaign is done once
/// every started row's case is seen opened; every pass picks up every campaign not finished yet.</summary>
public sealed class CampaignStarts(CampaignStore campaigns, CaseStore cases, CaseWorkflowClient workflow, CampaignOptions options,
    ILogger<CampaignStarts> logger) : IDisposable
{
    private const int Parallelism = 8;

    // A wake-up, not a queue: one waiting notice is as good as many, and a host that never waits (the Function App)
    // keeps at most one.
    private readonly Channel<string> _signals = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TokenBucketRateLimiter _starts = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, options.StartsPerSecond),
        TokensPerPeriod = Math.Max(1, options.StartsPerSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        AutoReplenishment = true,
    });

    public void Dispose() => _starts.Dispose();

    /// <summary>Says a campaign was just stored, so a waiting loop passes again at once.</summary>
    public void Notify(string campaignId) => _signals.Writer.TryWrite(campaignId);

    /// <summary>Waits for a notice, at most <paramref name="delay"/>.</summary>
    public async Task WaitForNoticeAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(delay);
        try
        {
            await _signals.Reader.WaitToReadAsync(timeout.Token);
            while (_signals.Reader.TryRead(out _))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One pass over every unfinished campaign; returns how many are still unfinished.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var unfinished = 0;
        foreach (var (campaignId, marker) in await campaigns.ListPendingAsync(cancellationToken))
        {
            try
            {
                if (await AdvanceAsync(campaignId, cancellationToken))
                {
                    await campaigns.CompleteAsync(campaignId, marker, cancellationToken);
                    ApiLog.CampaignDone(logger, campaignId);
                }
                else
                {
                    unfinished++;
                }
            }
            catch (Exception ex) when (ex is RequestFailedException or Azure.Data.Tables.TableTransactionFailedException)
            {
                // Another worker changed the same rows (412) or storage hiccupped: the next pass takes it up again.
                ApiLog.CampaignFailed(logger, ex, campaignId);
                unfinished++;
            }
        }

        return unfinished;
    }

    /// <summary>Queues what is new, confirms what was queued, and says whether the campaign is done.</summary>
    private async Task<bool> AdvanceAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } meta)
        {
            return true;
        }

        var rows = await campaigns.ListRowsAsync(campaignId, cancellationToken);
        var changed = new List<StoredRow>();
        async Task AdvanceAllAsync(IEnumerable<StoredRow> batch) =>
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (row, ct) =>
                {
                    var outcome = await OutcomeAsync(campaignId, row, ct);
                    if (outcome != row.Outcome)
                    {
                        lock (changed)
                        {
                            changed.Add(row with { Outcome = outcome });
                        }
                    }
                });

        // Back-pressure: the opens started and not committed yet are the engine's backlog of this campaign. New ones
        // start only while fewer than MaxOpensInFlight wait, so a slow engine slows the import down instead of piling up
        // thousands of starts it then works off late (and times out on).
        var queued = rows.Where(r => r.Outcome == StoredRow.Queued).ToList();
        await AdvanceAllAsync(queued);
        var waiting = queued.Count - changed.Count;
        await AdvanceAllAsync(rows.Where(r => r.Outcome == StoredRow.New).Take(Math.Max(0, options.MaxOpensInFlight - waiting)).ToList());

        await campaigns.SetOutcomesAsync(campaignId, changed.OrderBy(r => r.Line).ToList(), cancellationToken);
        var final = rows.Select(r => changed.FirstOrDefault(c => c.Line == r.Line) ?? r).ToList();
        var done = final.All(r => r.Outcome is StoredRow.Opened or StoredRow.Duplicate);
        var duplicates = final.Count(r => r.Outcome == StoredRow.Duplicate);
        if (!meta.Enqueued)
        {
            ApiLog.CampaignEnqueued(logger, campaignId, final.Count(r => r.Outcome != StoredRow.Duplicate), duplicates);
        }

        if (!meta.Enqueued || meta.Done != done || meta.Duplicates != duplicates)
        {
            await campaigns.UpdateAsync(meta with { Enqueued = true, Done = done, Duplicates = duplicates }, cancellationToken);
        }

        return done;
    }

    private async Task<string> OutcomeAsync(string campaignId, StoredRow row, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(row.CaseId, cancellationToken) is { } existing)
        {
            return existing.State.CampaignId == campaignId ? StoredRow.Opened : StoredRow.Duplicate;
        }

        if (row.Outcome == StoredRow.New)
        {
            var command = JsonSerializer.Deserialize<OpenCase>(row.CommandJson, DomainJson.Options)!;
            using var lease = await _starts.AcquireAsync(1, cancellationToken);
            await workflow.OpenAsync(command, cancellationToken);
        }

        return StoredRow.Queued;
    }
}
