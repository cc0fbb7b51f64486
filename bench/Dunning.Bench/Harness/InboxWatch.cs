using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>A pipeline policy on a worker's storage clients that sees each inbox message finished: the processor deletes
/// a message, or rewrites it as its case's next timer (an update with a body; a visibility renewal has none), only after
/// handling it, so either is one case event done. It also tells a sender when the message it sent (by queue message id)
/// is done.</summary>
public sealed class InboxWatch(string prefix) : StoragePolicy
{
    private readonly string _inbox = $"/{prefix.ToLowerInvariant()}-inbox-";
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _done = new(StringComparer.Ordinal);
    private long _finished;

    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>Completes when the message with this queue message id has been processed and deleted.</summary>
    public Task WhenDoneAsync(string messageId) => Entry(messageId).Task;

    /// <summary>Drops a finished message once its sender has seen it. (Messages nobody asks about, the timers, stay: a
    /// few thousand small entries in a run.)</summary>
    public void Forget(string messageId) => _done.TryRemove(messageId, out _);

    public override HttpPipelinePolicy For(StorageService service) => new Policy(this, service);

    private TaskCompletionSource Entry(string messageId) =>
        _done.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Observe(HttpMessage message)
    {
        var finished = message.Request.Method == RequestMethod.Delete
            || (message.Request.Method == RequestMethod.Put && message.Request.Content is not null);
        if (!finished || !message.HasResponse || message.Response.Status != 204)
        {
            return;
        }

        // The path is /{account}/{queue}/messages/{messageId}.
        var path = message.Request.Uri.Path;
        var at = path.IndexOf(_inbox, StringComparison.Ordinal);
        var messages = path.LastIndexOf("/messages/", StringComparison.Ordinal);
        if (at < 0 || messages < at)
        {
            return;
        }

        Interlocked.Increment(ref _finished);
        // Recorded even when nobody waits yet: the processor may finish a message before its sender asks about it.
        Entry(Uri.UnescapeDataString(path[(messages + "/messages/".Length)..])).TrySetResult();
    }

    private sealed class Policy(InboxWatch watch, StorageService service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            if (service == StorageService.Queue)
            {
                watch.Observe(message);
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            if (service == StorageService.Queue)
            {
                watch.Observe(message);
            }
        }
    }
}
