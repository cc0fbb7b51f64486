using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Channels.Acs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Tests.Acs;

/// <summary>
/// Communication Services on a loopback Kestrel port: checks every request's HMAC signature as the service does
/// (<see cref="FakeAcsServer.Verify"/>), keeps the service's idempotency (a repeated repeatability id or Operation-Id
/// sends nothing new), and plays scripted faults: 429 with retry-after, 500s, lost answers, per-recipient failures,
/// e-mail operations that run for a few polls.
/// </summary>
public sealed partial class FakeAcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _key;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly Lock _gate = new();

    private FakeAcsServer(WebApplication app, byte[] key, Uri endpoint)
    {
        _app = app;
        _key = key;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public string AccessKey => Convert.ToBase64String(_key);

    public AcsConnectionString Connection => new(Endpoint, AccessKey);

    /// <summary>How far the signed date may be from the server's clock, as the service allows.</summary>
    public static TimeSpan AllowedSkew { get; } = TimeSpan.FromMinutes(15);

    public static async Task<FakeAcsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var key = RandomNumberGenerator.GetBytes(32);
        FakeAcsServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new FakeAcsServer(app, key, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> ("sms", "email-send",
    /// "email-status") fail with <paramref name="status"/> before anything is done.</summary>
    public void FailNext(string route, int status, int times = 1, string? retryAfter = null, string? errorCode = null, string? message = null) =>
        _faults.Enqueue(new Fault(route, status, times, retryAfter, LoseAnswer: false)
        {
            ErrorCode = errorCode ?? (status == 429 ? "TooManyRequests" : "InternalError"),
            Message = message ?? $"scripted {status}",
        });

    /// <summary>The next request to <paramref name="route"/> is carried out, but its answer is replaced by a 500: the
    /// client cannot know it succeeded.</summary>
    public void LoseNextAnswer(string route) => _faults.Enqueue(new Fault(route, 500, 1, null, LoseAnswer: true));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var route = RouteOf(context.Request);
        Count(route);
        lock (_gate)
        {
            _signedDates.Add(context.Request.Headers["x-ms-date"].ToString());
        }

        if (Verify(context.Request, body) is { } refusal)
        {
            lock (_gate)
            {
                AuthFailures.Add(refusal);
            }

            await WriteAsync(context, new Answer(401, Error("Denied", refusal)));
            return;
        }

        var fault = TakeFault(route);
        if (fault is { LoseAnswer: false })
        {
            await WriteAsync(context, new Answer(fault.Status, Error(fault.ErrorCode, fault.Message), RetryAfter: fault.RetryAfter));
            return;
        }

        var answer = route switch
        {
            "sms" => Sms(body),
            "email-send" => EmailSend(context.Request, body),
            "email-status" => EmailStatus(context.Request.Path.Value!.Split('/').Last()),
            _ => new Answer(404, Error("NotFound", $"No route {context.Request.Method} {context.Request.Path}")),
        };
        await WriteAsync(context, fault is null ? answer : new Answer(500, Error("InternalError", "answer lost after the work was done")));
    }

    private static string RouteOf(HttpRequest request) => (request.Method, request.Path.Value) switch
    {
        ("POST", "/sms") when request.Query["api-version"] == AcsSmsClient.ApiVersion => "sms",
        ("POST", "/emails:send") when request.Query["api-version"] == AcsEmailClient.ApiVersion => "email-send",
        ("GET", { } path) when path.StartsWith("/emails/operations/", StringComparison.Ordinal)
            && request.Query["api-version"] == AcsEmailClient.ApiVersion => "email-status",
        _ => "unknown",
    };

    private Fault? TakeFault(string route)
    {
        lock (_gate)
        {
            if (!_faults.TryPeek(out var fault) || fault.Route != route)
            {
                return null;
            }

            if (--fault.Remaining == 0)
            {
                _faults.TryDequeue(out _);
            }

            return fault;
        }
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.Body?["error"]?["code"]?.GetValue<string>() is { } code)
        {
            context.Response.Headers["x-ms-error-code"] = code;
        }

        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers["retry-after"] = retryAfter;
        }

        if (answer.OperationLocation is { } location)
        {
            context.Response.Headers["Operation-Location"] = location;
        }

        if (answer.Body is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json.ToJsonString());
        }
    }

    private sealed record Answer(int Status, JsonObject? Body, string? RetryAfter = null, string? OperationLocation = null);

    private sealed record Fault(string Route, int Status, int Times, string? RetryAfter, bool LoseAnswer)
    {
        public int Remaining { get; set; } = Times;

        public string ErrorCode { get; init; } = "InternalError";

        public string Message { get; init; } = "lost";
    }

    private static JsonElement Parse(byte[] body) => JsonDocument.Parse(body).RootElement;
}
