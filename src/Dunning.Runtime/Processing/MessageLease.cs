using Azure.Storage.Queues;

namespace Dunning.Runtime;

/// <summary>Keeps a received message invisible while it is being worked on, renewing its visibility before it lapses;
/// the pop receipt changes with each renewal, so deletes must use <see cref="PopReceipt"/>.</summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibility;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private readonly Lock _gate = new();
    private string _popReceipt;

    public MessageLease(QueueClient queue, string messageId, string popReceipt, TimeSpan visibility)
    {
        _queue = queue;
        _messageId = messageId;
        _popReceipt = popReceipt;
        _visibility = visibility;
        _renewal = RenewAsync(_stop.Token);
    }

    public string PopReceipt
    {
        get
        {
            lock (_gate)
            {
                return _popReceipt;
            }
        }
    }

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        await _queue.DeleteMessageAsync(_messageId, PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the message back now (visible again) so another worker or a later poll retries it.</summary>
    public async Task ReleaseAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: retryAfter, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _renewal.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var every = _visibility / 2;
        while (true)
        {
            await Task.Delay(every, cancellationToken).ConfigureAwait(false);
            var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _popReceipt = receipt.Value.PopReceipt;
            }
        }
    }
}
