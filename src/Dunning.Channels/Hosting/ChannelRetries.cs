using System.Net;
using Azure;
using Azure.Core;
using Dunning.Channels.Acs;
using Dunning.Channels.Legal;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dunning.Channels;

/// <summary>Every retry the channels make, stated in one place: Azure.Core's retry policy for the ACS REST calls, Polly
/// for the rest. A retry repeats the same request under the same idempotency key (the SMS repeatability pair, the
/// e-mail Operation-Id, the legal webhook's delivery id), so it can never send twice; what still fails is thrown, and
/// the engine delivers the effect again later under the same key.</summary>
public static class ChannelRetries
{
    /// <summary>Tries of a read-modify-write of a stored row when another writer wins the ETag race (412).</summary>
    public const int MaxUpdateAttempts = 8;

    /// <summary>ACS requests: Azure.Core's retry policy in the client pipeline retries 408, 429 (after the service's
    /// retry-after), 5xx and network failures, exponentially from <see cref="AcsOptions.RetryDelay"/> up to
    /// <see cref="AcsOptions.RetryMaxDelay"/>, <see cref="AcsOptions.MaxRetries"/> times. The authentication policy runs
    /// after it on every attempt, so each is signed afresh, with the same body and headers.</summary>
    public static void ForAcsRequests(RetryOptions retry, AcsOptions options)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(options);
        retry.MaxRetries = options.MaxRetries;
        retry.Delay = options.RetryDelay;
        retry.MaxDelay = options.RetryMaxDelay;
        retry.Mode = RetryMode.Exponential;
        retry.NetworkTimeout = options.NetworkTimeout;
    }

    /// <summary>A running e-mail operation is read again after the service's retry-after, else every
    /// <see cref="AcsOptions.EmailPollInterval"/>, until it ends or <see cref="AcsOptions.EmailMaxWait"/> has passed
    /// (<see cref="TimeoutRejectedException"/>: a later attempt resumes the same operation).</summary>
    public static ResiliencePipeline<EmailOperation> EmailPolling(AcsOptions options, TimeProvider wallClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder<EmailOperation> { TimeProvider = wallClock }
            .AddTimeout(options.EmailMaxWait)
            .AddRetry(new RetryStrategyOptions<EmailOperation>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTerminal: false }),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Constant,
                Delay = options.EmailPollInterval,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Result?.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : options.EmailPollInterval),
            })
            .Build();
    }

    /// <summary>A read-modify-write under the ETag read: on 412 (another writer came first) it reads and applies the
    /// change again at once, <see cref="MaxUpdateAttempts"/> times at most; then the 412 is thrown.</summary>
    public static ResiliencePipeline ConcurrentUpdates { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(conflict => conflict.Status == (int)HttpStatusCode.PreconditionFailed),
            MaxRetryAttempts = MaxUpdateAttempts - 1,
            Delay = TimeSpan.Zero,
        })
        .Build();

    /// <summary>The legal webhook: a transport failure, a timeout of one attempt (<see cref="LegalOptions.Timeout"/>),
    /// 408, 429 or 5xx is tried again, <see cref="LegalOptions.MaxRetries"/> times, exponentially from
    /// <see cref="LegalOptions.RetryDelay"/> with jitter, or after the receiver's Retry-After (0 retries: one attempt).
    /// Each attempt is a new request signed afresh with the same delivery id.</summary>
    public static ResiliencePipeline<HttpResponseMessage> LegalWebhook(LegalOptions options, TimeProvider wallClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = wallClock };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                        || (int)response.StatusCode >= 500),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, wallClock)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>The wait a Retry-After header asks for (seconds or a date), or null to back off as configured.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider wallClock) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > wallClock.GetUtcNow() ? date - wallClock.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
