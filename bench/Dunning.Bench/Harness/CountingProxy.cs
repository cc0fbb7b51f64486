using System.Collections.Concurrent;
using System.Net;
using Dunning.Channels.Storage.LocalEmulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bench;

/// <summary>A loopback reverse proxy in front of Azurite's three services that counts every request passing through it,
/// by service and operation. A host given <see cref="ConnectionString"/> is seen whole: the Durable engine's own storage
/// clients (queue polling, partition leases, history) as well as Dunning's, which its request counter alone would miss.
/// Requests are forwarded unchanged but for the address (shared-key signatures do not cover the host).</summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromMinutes(5),
    };

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    private CountingProxy(WebApplication app, int blob, int queue, int table)
    {
        _app = app;
        ConnectionString = AzuriteConnectionString.Create(blob, queue, table);
    }

    /// <summary>Azurite through the proxy.</summary>
    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public static async Task<CountingProxy> StartAsync(AzuriteLauncher azurite, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Dunning.Bench.Proxy" });
        builder.Logging.ClearProviders();
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var ports = new Dictionary<int, (string Service, int Target)>
        {
            [blob] = ("blob", azurite.BlobPort),
            [queue] = ("queue", azurite.QueuePort),
            [table] = ("table", azurite.TablePort),
        };
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var port in ports.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        var app = builder.Build();
        var proxy = new CountingProxy(app, blob, queue, table);
        app.Run(context => proxy.ForwardAsync(context, ports[context.Connection.LocalPort]));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _forward.Dispose();
    }

    private async Task ForwardAsync(HttpContext context, (string Service, int Target) to)
    {
        var request = context.Request;
        _counts.AddOrUpdate(Operation(to.Service, request), 1, (_, n) => n + 1);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method),
            new Uri($"http://127.0.0.1:{to.Target}{request.Path}{request.QueryString}"));
        if (body.Length > 0 || request.ContentLength is not null)
        {
            forward.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _forward.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>"queue:receive", "table:query", "blob:put"...: the service and what the request does.</summary>
    private static string Operation(string service, HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        return (service, request.Method) switch
        {
            ("queue", "GET") when path.EndsWith("/messages", StringComparison.Ordinal) =>
                query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) ? "queue:peek" : "queue:receive",
            ("queue", "POST") => "queue:send",
            ("queue", "DELETE") when path.Contains("/messages/", StringComparison.Ordinal) => "queue:delete",
            ("queue", "PUT") when path.Contains("/messages/", StringComparison.Ordinal) => "queue:update",
            ("table", _) when path.EndsWith("/$batch", StringComparison.Ordinal) => "table:transaction",
            ("table", "GET") => "table:query",
            ("table", "POST") => "table:insert",
            ("table", "PUT") => "table:upsert",
            ("table", "MERGE" or "PATCH") => "table:merge",
            ("table", "DELETE") => "table:delete",
            ("blob", "PUT") when query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase) => "blob:lease",
            _ => $"{service}:{request.Method.ToLowerInvariant()}",
        };
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
