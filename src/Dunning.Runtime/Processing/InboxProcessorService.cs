using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Runtime;

/// <summary>Polls every inbox queue: receives batches of up to 32, works on different cases in parallel (bounded) and
/// on one case one message at a time, backs off when idle, and on shutdown stops receiving and drains what it holds.</summary>
public sealed class InboxProcessorService(
    StorageClients storage,
    CaseProcessor processor,
    VirtualClock clock,
    RuntimeOptions options,
    ILogger<InboxProcessorService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.MaxParallelCases, options.MaxParallelCases);
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RuntimeLog.ProcessorsStarted(logger, storage.Inbox.Count, clock.ToString());
        await Task.WhenAll(storage.Inbox.Select(queue => PollAsync(queue, stoppingToken))).ConfigureAwait(false);
        RuntimeLog.ProcessorsStopped(logger);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Work in flight gets DrainTimeout to finish; after that it is cancelled and its messages simply reappear.
        _abort.CancelAfter(options.DrainTimeout);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
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
            // Messages of one case stay in their queue order and run one after another; cases run side by side.
            var perCase = batch.GroupBy(m => CaseIdOf(m)).ToList();
            await Task.WhenAll(perCase.Select(group => RunCaseAsync(queue, group.ToList()))).ConfigureAwait(false);
        }
    }

    private async Task RunCaseAsync(QueueClient queue, IReadOnlyList<QueueMessage> messages)
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
            foreach (var message in messages)
            {
                await processor.HandleAsync(queue, message, _abort.Token).ConfigureAwait(false);
            }
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

    private static string CaseIdOf(QueueMessage message)
    {
        try
        {
            return CommandCodec.Deserialize(message.Body.ToString()).CaseId;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
        {
            return message.MessageId;
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
