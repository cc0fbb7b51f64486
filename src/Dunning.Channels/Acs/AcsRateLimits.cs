using System.Threading.RateLimiting;

namespace Dunning.Channels.Acs;

/// <summary>One token bucket per channel, from <see cref="AcsOptions.SmsPerSecond"/> and
/// <see cref="AcsOptions.EmailPerSecond"/>, so a burst of due steps queues here instead of being throttled by the service.</summary>
public sealed class AcsRateLimits : IDisposable
{
    private const int QueueLimit = 10_000;

    private readonly TokenBucketRateLimiter? _sms;
    private readonly TokenBucketRateLimiter? _email;

    public AcsRateLimits(AcsOptions options)
    {
        _sms = Create(options.SmsPerSecond);
        _email = Create(options.EmailPerSecond);
    }

    public Task WaitForSmsAsync(CancellationToken cancellationToken = default) => WaitAsync(_sms, "SMS", cancellationToken);

    public Task WaitForEmailAsync(CancellationToken cancellationToken = default) => WaitAsync(_email, "e-mail", cancellationToken);

    public void Dispose()
    {
        _sms?.Dispose();
        _email?.Dispose();
    }

    /// <summary>A bucket of one second's worth of tokens; below one per second, one token per 1/rate seconds.</summary>
    internal static TokenBucketRateLimiter? Create(double perSecond)
    {
        if (!(perSecond > 0) || double.IsInfinity(perSecond))
        {
            return null;
        }

        var (tokens, period) = perSecond >= 1
            ? ((int)Math.Round(perSecond), TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromSeconds(1 / perSecond));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private static async Task WaitAsync(RateLimiter? limiter, string channel, CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"More than {QueueLimit} {channel} sends are waiting for the rate limit; this one is retried later.");
        }
    }
}
