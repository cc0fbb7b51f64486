using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>Raw Azurite capacity for the requests one case event cannot do without: enqueue, receive, load the partition
/// (the processor's own filter), commit one entity-group transaction and delete the message. Same client settings as
/// the runtime (its <see cref="StorageClients"/>), the same concurrency, and the same shape over time as the throughput
/// phase: a fresh Azurite, the same warm-up and window, cases of eight events each, and per event what a step leaves in
/// the table (the state replaced with its ETag, three history rows, a marker). Azurite slows as its tables and queues fill
/// and freezes while it sweeps old message bodies, so only a ceiling that grows the same way is a fair reference.</summary>
public static class CeilingProbe
{
    public const string Prefix = "ceil";
    private const int EventsPerCase = 8;

    public static async Task<CeilingFigures> MeasureAsync(string connectionString, int concurrency, TimeSpan warmup, TimeSpan window,
        AzuriteStallMonitor stalls, CpuMeter cpu, CancellationToken cancellationToken = default)
    {
        var storage = new StorageClients(new RuntimeOptions { StorageConnectionString = connectionString, Prefix = Prefix }, new RequestCounter());
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var queue = storage.Inbox[0];
        var sample = Sample.Create();
        long events = 0;
        var clock = Stopwatch.StartNew();
        var end = warmup + window;
        var loops = Enumerable.Range(0, concurrency).Select(async k =>
        {
            for (var i = 0; clock.Elapsed < end; i++)
            {
                await OneEventAsync(storage, queue, sample, $"ceiling{k}x{i / EventsPerCase}", i % EventsPerCase, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref events);
            }
        }).ToList();

        await Task.Delay(warmup, cancellationToken).ConfigureAwait(false);
        var (eventsBefore, requestsBefore, cpuBefore, started) = (Interlocked.Read(ref events), storage.Counter.Total, cpu.Sample(), Stopwatch.GetTimestamp());
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        var (eventsAfter, requestsAfter, cpuAfter, ended) = (Interlocked.Read(ref events), storage.Counter.Total, cpu.Sample(), Stopwatch.GetTimestamp());
        await Task.WhenAll(loops).ConfigureAwait(false);

        var seconds = Stopwatch.GetElapsedTime(started, ended).TotalSeconds;
        var counted = eventsAfter - eventsBefore;
        var stalled = stalls.StalledSeconds(started, ended);
        var (client, azurite) = (cpuAfter - cpuBefore).PerEvent(counted);
        return new CeilingFigures(concurrency, Math.Round(seconds, 1), Math.Round(stalled, 1), counted, Math.Round(counted / seconds, 1),
            Math.Round(counted / Math.Max(1, seconds - stalled), 1), Math.Round((requestsAfter - requestsBefore) / seconds, 1), client, azurite);
    }

    private static async Task OneEventAsync(StorageClients storage, Azure.Storage.Queues.QueueClient queue, Sample sample, string partition, int seq,
        CancellationToken cancellationToken)
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
        ETag? etag = null;
        await foreach (var entity in storage.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            etag = entity.RowKey == RowKeys.State ? entity.ETag : etag;
        }

        var state = new TableEntity(partition, RowKeys.State) { ["Json"] = sample.StateJson, ["Version"] = seq + 1 };
        var actions = new List<TableTransactionAction>
        {
            etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, e)
                : new TableTransactionAction(TableTransactionActionType.Add, state),
        };
        for (var h = 1; h <= 3; h++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(partition, RowKeys.History((seq * 3) + h)) { ["Type"] = nameof(StepReached), ["Json"] = sample.EventJson }));
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity(partition, RowKeys.Marker(markerId)) { ["MessageId"] = markerId, ["At"] = DateTimeOffset.UtcNow }));
        await storage.Cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 404)
        {
            // An Azurite freeze outlasted the visibility timeout and another loop received the message again (the runtime
            // meets the same and handles it the same way: the message is someone else's now).
        }
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
