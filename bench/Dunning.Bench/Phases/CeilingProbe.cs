using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>Raw Azurite capacity for the requests one case event cannot do without: enqueue, receive, load the partition
/// (the processor's own filter), commit one entity-group transaction (state with its ETag, a history row, a marker) and
/// delete the message. Same client settings as the runtime (its <see cref="StorageClients"/>), same concurrency, and
/// the same table and account as the phase it is compared with, so Azurite's cost of a full table or queue store is the
/// same for both.</summary>
public static class CeilingProbe
{
    public static async Task<CeilingSample> MeasureAsync(string connectionString, string prefix, string tag, int concurrency, TimeSpan duration,
        AzuriteStallMonitor stalls, CancellationToken cancellationToken = default)
    {
        var storage = new StorageClients(new RuntimeOptions { StorageConnectionString = connectionString, Prefix = prefix }, new RequestCounter());
        var queue = storage.Queues.GetQueueClient($"{prefix.ToLowerInvariant()}-ceiling");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var sample = Sample.Create();
        var partitions = Enumerable.Range(0, concurrency).Select(k => $"ceiling{tag}{k}").ToList();
        foreach (var partition in partitions)
        {
            await storage.Cases.AddEntityAsync(new TableEntity(partition, RowKeys.State) { ["Json"] = sample.StateJson, ["Version"] = 1 }, cancellationToken).ConfigureAwait(false);
        }

        long events = 0;
        var before = storage.Counter.Total;
        var started = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(partitions.Select(async partition =>
        {
            for (var seq = 1; clock.Elapsed < duration; seq++)
            {
                await queue.SendMessageAsync(sample.Envelope, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken).ConfigureAwait(false);
                QueueMessage? message = null;
                while (message is null)
                {
                    message = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false)).Value.FirstOrDefault();
                }

                var markerId = Guid.NewGuid().ToString("N");
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {RowKeys.State} or (RowKey ge {"o"} and RowKey lt {"p"})")
                    + TableClient.CreateQueryFilter($" or RowKey eq {RowKeys.Marker(markerId)})");
                ETag etag = default;
                await foreach (var entity in storage.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    etag = entity.RowKey == RowKeys.State ? entity.ETag : etag;
                }

                await storage.Cases.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                        new TableEntity(partition, RowKeys.State) { ["Json"] = sample.StateJson, ["Version"] = seq + 1 }, etag),
                    new TableTransactionAction(TableTransactionActionType.Add,
                        new TableEntity(partition, RowKeys.History(seq)) { ["Type"] = nameof(StepReached), ["Json"] = sample.EventJson }),
                    new TableTransactionAction(TableTransactionActionType.Add,
                        new TableEntity(partition, RowKeys.Marker(markerId)) { ["MessageId"] = markerId, ["At"] = DateTimeOffset.UtcNow }),
                ], cancellationToken).ConfigureAwait(false);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref events);
            }
        })).ConfigureAwait(false);

        var seconds = clock.Elapsed.TotalSeconds;
        var stalled = stalls.StalledSeconds(started, Stopwatch.GetTimestamp());
        var active = Math.Max(1, seconds - stalled);
        return new CeilingSample(Math.Round(seconds, 1), Math.Round(stalled, 1), events, Math.Round(events / active, 1),
            Math.Round((storage.Counter.Total - before) / active, 1));
    }

    /// <summary>Bodies the size of the real ones: a freshly opened case's state, a step event, a timer envelope.</summary>
    private sealed record Sample(string StateJson, string EventJson, string Envelope)
    {
        public static Sample Create()
        {
            var now = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
            var open = BenchCases.Open("ceiling", 0, new DateOnly(2026, 12, 10), now);
            var events = CaseDecider.Decide(null, open, PolicyCatalog.Default.Latest("default")!);
            var state = CaseEvolution.Replay(events)!;
            var step = new StepReached(now, "due-day-reminder", 1, now);
            var envelope = CommandCodec.Encode($"{open.CaseId}-t1", open.CaseId, new FireTimer(now, "t1"), now);
            return new Sample(JsonSerializer.Serialize(state, DomainJson.Options), JsonSerializer.Serialize<CaseEvent>(step, DomainJson.Options),
                CommandCodec.Serialize(envelope));
        }
    }
}
