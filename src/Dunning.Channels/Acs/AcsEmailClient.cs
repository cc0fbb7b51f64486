using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Polly;
using Polly.Timeout;

namespace Dunning.Channels.Acs;

/// <summary>The e-mail REST API of Communication Services: a send is a long-running operation named by the caller's
/// Operation-Id, polled to a final status.</summary>
public sealed class AcsEmailClient(HttpPipeline pipeline, Uri endpoint, AcsOptions options, TimeProvider realTime)
{
    public const string ApiVersion = "2023-03-31";
    public const int MaxRequestBytes = 10 * 1024 * 1024;

    /// <summary>Reads the service's retry-after (<c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>retry-after</c>)
    /// the way Azure.Core's own pollers do: the greater of no delay and what the response asks for.</summary>
    private static readonly DelayStrategy ServerDelay = DelayStrategy.CreateFixedDelayStrategy(TimeSpan.Zero);

    private readonly ResiliencePipeline<EmailOperation> _polling = ChannelRetries.EmailPolling(options, realTime);

    /// <summary>Sends (or, when <paramref name="resume"/>, first looks for the operation an earlier attempt started)
    /// and polls until the operation ends, honouring retry-after, for at most <see cref="AcsOptions.EmailMaxWait"/>.</summary>
    /// <exception cref="TimeoutException">The operation had not ended in time; a later call with the same id resumes it.</exception>
    public async Task<EmailOperation> SendAsync(Guid operationId, EmailSendRequest request, bool resume, CancellationToken cancellationToken = default)
    {
        var operation = resume ? await GetAsync(operationId, cancellationToken).ConfigureAwait(false) : null;
        // A 409 means the id is taken: an earlier attempt reached the service though its answer was lost.
        operation ??= await StartAsync(operationId, request, cancellationToken).ConfigureAwait(false)
            ?? await GetAsync(operationId, cancellationToken).ConfigureAwait(false)
            ?? throw new AcsRequestException("e-mail send", 409, "OperationIdConflict",
                $"Operation {operationId} is said to exist but cannot be read; it cannot be sent again under this id.");

        var latest = operation;
        try
        {
            // The first outcome is the operation as started; each retry reads it again.
            var first = true;
            return await _polling.ExecuteAsync(async token =>
            {
                if (!first)
                {
                    latest = await GetAsync(operationId, token).ConfigureAwait(false)
                        ?? throw new AcsRequestException("e-mail operation status", 404, "NotFound", $"Operation {operationId} vanished while it was polled.");
                }

                first = false;
                return latest;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            throw new TimeoutException(
                $"E-mail operation {operationId} is still {latest.Status} after {options.EmailMaxWait.TotalSeconds:0.#} s; the next attempt resumes it under the same id.");
        }
    }

    /// <summary>POST emails:send; null when the service answers 409 (an operation with this id exists).</summary>
    public async Task<EmailOperation?> StartAsync(Guid operationId, EmailSendRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(EmailWire.From(request));
        if (body.Length > MaxRequestBytes)
        {
            throw new ArgumentException($"The e-mail is {body.Length / 1024} KiB as JSON; Communication Services accepts at most 10 MB.", nameof(request));
        }

        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        Locate(message, "/emails:send");
        message.Request.Headers.SetValue("Operation-Id", operationId.ToString("D"));
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        message.Request.Content = RequestContent.Create(body);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status switch
        {
            202 or 200 => Read(message.Response, operationId),
            409 => null,
            _ => throw AcsRequestException.From("e-mail send", message.Response),
        };
    }

    /// <summary>GET emails/operations/{id}; null when the service knows no such operation.</summary>
    public async Task<EmailOperation?> GetAsync(Guid operationId, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        Locate(message, $"/emails/operations/{operationId:D}");
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status switch
        {
            200 => Read(message.Response, operationId),
            404 => null,
            _ => throw AcsRequestException.From("e-mail operation status", message.Response),
        };
    }

    private void Locate(HttpMessage message, string path)
    {
        message.Request.Uri.Reset(endpoint);
        message.Request.Uri.AppendPath(path, escape: false);
        message.Request.Uri.AppendQuery("api-version", ApiVersion);
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
    }

    private static EmailOperation Read(Response response, Guid operationId)
    {
        var retryAfter = ServerDelay.GetNextDelay(response, 1);
        if (response.Content.ToMemory().IsEmpty)
        {
            return new EmailOperation(operationId.ToString("D"), "Running", RetryAfter: retryAfter);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var root = json.RootElement;
        var error = Json.Property(root, "error");
        return new EmailOperation(
            Json.String(root, "id") ?? operationId.ToString("D"),
            Json.String(root, "status") ?? "Running",
            error is { } e ? Json.String(e, "code") : null,
            error is { } m ? Json.String(m, "message") : null,
            retryAfter);
    }
}
