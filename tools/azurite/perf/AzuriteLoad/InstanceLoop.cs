using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;

namespace AzuriteLoad;

/// <summary>
/// One concurrent "orchestration" after another, each of <see cref="StepsPerInstance"/> steps, doing per step what the
/// Durable Task Azure Storage backend does: a control-queue message with a body is sent, received with a visibility
/// timeout and deleted; the activity's work item likewise; the step's history rows and the sentinel are written in one
/// entity-group transaction, the instance row is merged and read back, and the history is queried (no extended
/// sessions: every episode reloads it); every tenth step a large message goes to a blob and is read back. Each instance
/// also keeps one timer message in its control queue, invisible for an hour, as a debt case waiting for its next
/// reminder does.
/// </summary>
public sealed class InstanceLoop(TaskHub hub, OperationCounter counter, int worker)
{
    private const int StepsPerInstance = 25;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private static readonly BinaryData Body = BinaryData.FromString(new string('x', 1200));
    private static readonly BinaryData LargeMessage = BinaryData.FromBytes(new byte[48 * 1024]);

    public async Task RunAsync(CancellationToken stop)
    {
        for (var generation = 0; !stop.IsCancellationRequested; generation++)
        {
            var instance = string.Create(CultureInfo.InvariantCulture, $"case-{worker:0000}-{generation:0000}-{Guid.NewGuid():N}");
            var control = hub.ControlQueues[worker % TaskHub.Partitions];
            try
            {
                var timer = (await control.SendMessageAsync(Body, visibilityTimeout: TimeSpan.FromHours(1), cancellationToken: CancellationToken.None)).Value;
                counter.Operation();
                for (var step = 0; step < StepsPerInstance && !stop.IsCancellationRequested; step++)
                {
                    await StepAsync(instance, control, step);
                    counter.Step();
                }

                await control.DeleteMessageAsync(timer.MessageId, timer.PopReceipt, CancellationToken.None);
                counter.Operation();
            }
            catch (RequestFailedException)
            {
                counter.Error();
            }
        }
    }

    private async Task StepAsync(string instance, Azure.Storage.Queues.QueueClient control, int step)
    {
        foreach (var queue in new[] { control, hub.WorkItems })
        {
            await queue.SendMessageAsync(Body);
            counter.Operation();
            // Another instance's message may come back instead of ours: as with the real dispatcher, whatever is visible.
            QueueMessage? received = (await queue.ReceiveMessageAsync(Visibility)).Value;
            counter.Operation();
            if (received is not null)
            {
                await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
                counter.Operation();
            }
        }

        var sequence = (step * 2).ToString("D16", CultureInfo.InvariantCulture);
        await hub.History.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(instance, sequence) { ["EventType"] = "TaskScheduled", ["Name"] = "SendSms" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(instance, (step * 2 + 1).ToString("D16", CultureInfo.InvariantCulture)) { ["EventType"] = "TaskCompleted" }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity(instance, "sentinel") { ["CheckpointCompletedTimestamp"] = DateTimeOffset.UtcNow }),
        ]);
        counter.Operation();
        await hub.Instances.UpsertEntityAsync(new TableEntity(instance, "") { ["RuntimeStatus"] = "Running", ["LastUpdatedTime"] = DateTimeOffset.UtcNow });
        counter.Operation();
        await hub.Instances.GetEntityAsync<TableEntity>(instance, "");
        counter.Operation();
        await foreach (var _ in hub.History.QueryAsync<TableEntity>(e => e.PartitionKey == instance))
        {
        }

        counter.Operation();
        if (step % 10 == 9)
        {
            var blob = hub.LargeMessages.GetBlobClient($"{instance}/message-{step}.json.gz");
            await blob.UploadAsync(LargeMessage, overwrite: true);
            counter.Operation();
            await blob.DownloadContentAsync();
            counter.Operation();
        }
    }
}
