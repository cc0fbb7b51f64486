using System.Text.Json;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Azure;
using Dunning.Api.Cases;
using Dunning.Api.Logging;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Api.Campaigns;

/// <summary>Opens the cases of stored campaigns in the background. A row whose case exists is a duplicate; otherwise
/// its case's workflow is started with the open command (instance id = case id, and a start never replaces a running
/// workflow), so a crash, a second worker or a re-import opens nothing twice. Starts are paced by a token bucket
/// (<see cref="CampaignOptions.StartsPerSecond"/>) so a big import does not flood the task hub. A campaign is done once
/// every started row's case is seen opened. On start, and every sweep, it picks up every campaign not finished yet.</summary>
public sealed class CampaignWorker(CampaignStore campaigns, CaseStore cases, CaseWorkflowClient workflow, CampaignOptions options,
    ILogger<CampaignWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);
    private const int Parallelism = 8;
    private readonly Channel<string> _signals = Channel.CreateUnbounded<string>();
    private readonly TokenBucketRateLimiter _starts = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, options.StartsPerSecond),
        TokensPerPeriod = Math.Max(1, options.StartsPerSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        AutoReplenishment = true,
    });

    public override void Dispose()
    {
        _starts.Dispose();
        base.Dispose();
    }

    /// <summary>Wakes the worker for a campaign just stored.</summary>
    public void Notify(string campaignId) => _signals.Writer.TryWrite(campaignId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var unfinished = 0;
            try
            {
                unfinished = await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ApiLog.CampaignFailed(logger, ex, "(sweep)");
            }

            await WaitAsync(unfinished > 0 ? Recheck : Sweep, stoppingToken);
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
        await Parallel.ForEachAsync(rows.Where(r => r.Outcome is StoredRow.New or StoredRow.Queued),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
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

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
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
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }
}
