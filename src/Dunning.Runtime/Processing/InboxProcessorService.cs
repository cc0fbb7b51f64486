using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Runtime;

/// <summary>Polls every inbox queue: receives batches of up to 32 and hands each message to its case's chain, so one
/// case runs one message at a time in arrival order while different cases run side by side (bounded). A timer that
/// surfaces a moment early waits beside the chain, never in it, so it cannot hold up a supervisor's pause. Backs off
/// when idle; on shutdown stops receiving and drains what it holds.</summary>
public sealed class InboxProcessorService(
    StorageClients storage,
    CaseProcessor processor,
    VirtualClock clock,
    RuntimeOptions options,
    ILogger<InboxProcessorService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.MaxParallelCases, options.MaxParallelCases);
    private readonly ConcurrentDictionary<string, Task> _chains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly Lock _chainGate = new();
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RuntimeLog.ProcessorsStarted(logger, storage.Inbox.Count, clock.ToString());
        await Task.WhenAll(storage.Inbox.Select(queue => PollAsync(queue, stoppingToken))).ConfigureAwait(false);
        // Drain: what was received finishes (or is cancelled after DrainTimeout and simply reappears later).
        _abort.CancelAfter(options.DrainTimeout);
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        RuntimeLog.ProcessorsStopped(logger);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    private async Task PollAsync(QueueClient queue, CancellationToken stoppingToken)
    {
        var idle = options.IdlePollMin;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Back-pressure: receive again only when this worker has room for another batch.
            if (_inFlight.Count >= options.ReceiveBatchSize * 2)
            {
                await DelayAsync(options.IdlePollMin, stoppingToken).ConfigureAwait(false);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(options.ReceiveBatchSize, options.VisibilityTimeout, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                RuntimeLog.PollFailed(logger, ex, queue.Name);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await DelayAsync(idle, stoppingToken).ConfigureAwait(false);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.IdlePollMax.Ticks));
                continue;
            }

            idle = options.IdlePollMin;
            foreach (var message in batch)
            {
                Accept(queue, message);
            }
        }
    }

    private void Accept(QueueClient queue, QueueMessage message)
    {
        var envelope = TryRead(message);
        var caseId = envelope?.CaseId ?? message.MessageId;
        if (envelope is not null && processor.RealTimeUntilDue(envelope) is { } wait && wait < CaseProcessor.ShortWait)
        {
            Track(WaitThenChainAsync(queue, message, caseId, wait));
            return;
        }

        Track(Chain(caseId, () => RunAsync(queue, message)));
    }

    private async Task WaitThenChainAsync(QueueClient queue, QueueMessage message, string caseId, TimeSpan wait)
    {
        await DelayAsync(wait, _abort.Token).ConfigureAwait(false);
        await Chain(caseId, () => RunAsync(queue, message)).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> after everything already chained for the case.</summary>
    private Task Chain(string caseId, Func<Task> work)
    {
        lock (_chainGate)
        {
            var previous = _chains.GetValueOrDefault(caseId) ?? Task.CompletedTask;
            var next = previous.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _chains[caseId] = next;
            next.ContinueWith(_ => ((ICollection<KeyValuePair<string, Task>>)_chains).Remove(new(caseId, next)),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(QueueClient queue, QueueMessage message)
    {
        try
        {
            await _slots.WaitAsync(_abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await processor.HandleAsync(queue, message, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Shutdown ran out of drain time: the message becomes visible again and another worker takes it.
        }
        finally
        {
            _slots.Release();
        }
    }

    private static InboxEnvelope? TryRead(QueueMessage message)
    {
        try
        {
            return CommandCodec.Deserialize(message.Body.ToString());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
