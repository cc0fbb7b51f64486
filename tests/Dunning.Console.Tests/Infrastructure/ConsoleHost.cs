using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Dunning.Console.Tests;

/// <summary>The real host (Program) on Kestrel at a free loopback port, over the test run's Azurite with a table and
/// queue prefix of its own, queue processors running, and a virtual clock at real speed from Monday 2026-11-16 10:00
/// Shanghai time (inside every contact window, so the seeded cases reach their visits and calls at once).</summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly WebApplicationFactory<Program> _factory;

    private ConsoleHost(WebApplicationFactory<Program> factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri Address { get; }

    public static ConsoleHost Launch(AzuriteFixture azurite, IEnumerable<(string Key, string Value)>? extra = null)
    {
        var port = FreePort();
        var prefix = azurite.UniqueName("console");
        var settings = new Dictionary<string, string>
        {
            ["Dunning:Host:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Dunning:Host:UseLocalSettings"] = "false",
            ["Dunning:Host:StartLocalEmulator"] = "false",
            ["Dunning:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Durable:TaskHubName"] = prefix,
            ["Dunning:Durable:PartitionCount"] = "2",
            ["Dunning:Durable:MaxQueuePollingInterval"] = "00:00:00.100",
            ["Dunning:Clock:Speed"] = "1",
            ["Dunning:Clock:Start"] = ClockStart.ToString("O", CultureInfo.InvariantCulture),
            ["Dunning:Auth:ApiKeys:0:Name"] = "floor-operator",
            ["Dunning:Auth:ApiKeys:0:Key"] = Keys.Operator,
            ["Dunning:Auth:ApiKeys:0:Role"] = "operator",
            ["Dunning:Auth:ApiKeys:1:Name"] = "floor-supervisor",
            ["Dunning:Auth:ApiKeys:1:Key"] = Keys.Supervisor,
            ["Dunning:Auth:ApiKeys:1:Role"] = "supervisor",
            ["Dunning:Auth:ApiKeys:2:Name"] = "floor-viewer",
            ["Dunning:Auth:ApiKeys:2:Key"] = Keys.Viewer,
            ["Dunning:Auth:ApiKeys:2:Role"] = "viewer",
            ["Dunning:Webhooks:PaymentSecret"] = "console-webhook-secret",
            ["Dunning:Auth:Entra:Authority"] = StandInEntra.Authority,
            ["Dunning:Auth:Entra:Audience"] = StandInEntra.Audience,
            ["Dunning:Console:Entra:ClientId"] = StandInEntra.ClientId,
            ["Dunning:Console:Entra:Scopes:0"] = StandInEntra.Scope,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            // Settings, not app configuration: they reach Program before it reads them (as command-line arguments).
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(StandInEntra.TrustItsTokens);
        });
        // Kestrel on the port the host's own settings name (Dunning:Host:Port), so a browser can reach it.
        factory.UseKestrel();
        factory.StartServer();
        return new ConsoleHost(factory, new Uri($"http://127.0.0.1:{port}"));
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The keys the console's test host is configured with.</summary>
public static class Keys
{
    public const string Operator = "console-operator-key";
    public const string Supervisor = "console-supervisor-key";
    public const string Viewer = "console-viewer-key";
}

/// <summary>Small JSON helpers over the API for seeding and checking.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> PostAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls GET <paramref name="path"/> until <paramref name="condition"/> holds, with a deadline.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient client, string path, Func<JsonElement, bool> condition, double seconds = 20)
    {
        return await Wait.ForAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
        }, last => last.ValueKind != JsonValueKind.Undefined && condition(last), TimeSpan.FromSeconds(seconds), $"GET {path} to reach the expected state");
    }
}
