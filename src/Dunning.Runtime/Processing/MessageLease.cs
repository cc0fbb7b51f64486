using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Dunning.Runtime;

/// <summary>Keeps a received message invisible while it is being worked on, renewing its visibility before it lapses;
/// the pop receipt changes with each renewal, so deletes must use <see cref="PopReceipt"/>. When the work ends the
/// message is either deleted or, by <see cref="CarryAsync"/>, rewritten in place as its case's next timer: one request
/// where sending the timer and deleting the message would take two.</summary>
internal sealed class MessageLease : IAsyncDisposable
{
    // A message only carries a timer it will outlive by a margin (messages sent with a finite time-to-live).
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromDays(1);

    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly long _dequeueCount;
    private readonly DateTimeOffset? _expiresOn;
    private readonly TimeProvider _wallClock;
    private readonly TimeSpan _visibility;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private readonly Lock _gate = new();
    private string _popReceipt;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider wallClock)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _dequeueCount = message.DequeueCount;
        _expiresOn = message.ExpiresOn;
        _wallClock = wallClock;
        _visibility = visibility;
        _renewal = RenewAsync(_stop.Token);
    }

    /// <summary>Whether the message now carries another envelope and must not be deleted.</summary>
    public bool Carried { get; private set; }

    /// <summary>Whether this message can become <paramref name="next"/>: it sits on the queue that envelope belongs to,
    /// has not carried one already, and lives well past the delay.</summary>
    public bool CanCarry(string queueName, TimeSpan delay) =>
        !Carried && queueName == _queue.Name && (_expiresOn is not { } expires || expires > _wallClock.GetUtcNow() + delay + ExpiryMargin);

    /// <summary>Rewrites the message as <paramref name="next"/>, invisible for <paramref name="delay"/>. Its dequeue count
    /// carries over, so the envelope records it and attempts at the new envelope count from one again.</summary>
    public async Task CarryAsync(InboxEnvelope next, TimeSpan delay, CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        var body = CommandCodec.Serialize(next with { PriorReceives = _dequeueCount });
        var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, body, delay, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _popReceipt = receipt.Value.PopReceipt;
        }

        Carried = true;
    }

    /// <summary>Ends the work: deletes the message unless it now carries the case's next timer.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => Carried ? StopAsync() : DeleteAsync(cancellationToken);

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
