using System.Globalization;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Api.Tests;

/// <summary>The real host (Program) over the shared Azurite, with its own storage prefix and task hub, the local Durable
/// engine running the case workflows, and a virtual clock from 2026-11-16 10:00 Shanghai time. One per test class (a class fixture), started on
/// first use because xunit hands the collection's Azurite to the test class, not to its fixtures.</summary>
public class ApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly object _gate = new();
    private WebApplicationFactory<Program>? _factory;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Call Use(azurite) first.");

    public string Prefix { get; private set; } = "";

    public IServiceProvider Services => Factory.Services;

    /// <summary>Virtual time runs this many times faster than real time.</summary>
    protected virtual double ClockSpeed => 1;

    /// <summary>Settings on top of the defaults (keys as in configuration).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>Service changes after the host's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public ApiHost Use(AzuriteFixture azurite)
    {
        lock (_gate)
        {
            if (_factory is null)
            {
                Prefix = azurite.UniqueName("api");
                _factory = Create(azurite.ConnectionString, Prefix);
                _ = _factory.Server; // start now: hosted services (engine, worker, sweep, campaign worker) run from here on
            }
        }

        return this;
    }

    /// <summary>Another host on the same storage and prefix: a second instance, or a restart.</summary>
    public WebApplicationFactory<Program> CreateSibling(AzuriteFixture azurite, string? prefix = null) =>
        Create(azurite.ConnectionString, prefix ?? Prefix);

    public HttpClient Client(string? apiKey)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public HttpClient Operator => Client(Keys.Operator);
    public HttpClient Supervisor => Client(Keys.Supervisor);
    public HttpClient Viewer => Client(Keys.Viewer);
    public HttpClient Anonymous => Client(null);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public VirtualClock Clock => Get<VirtualClock>();

    private WebApplicationFactory<Program> Create(string connectionString, string prefix) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            var settings = new Dictionary<string, string>
            {
                ["Dunning:Host:UseLocalSettings"] = "false",
                ["Dunning:Host:StartLocalEmulator"] = "false",
                ["Dunning:Storage:ConnectionString"] = connectionString,
                ["Dunning:Storage:Prefix"] = prefix,
                ["Dunning:Workflow:SweepInterval"] = "00:00:01",
                ["Dunning:Workflow:SweepGrace"] = "00:00:03",
                ["Dunning:Clock:Speed"] = ClockSpeed.ToString(CultureInfo.InvariantCulture),
                ["Dunning:Clock:Start"] = Start.ToString("O", CultureInfo.InvariantCulture),
                ["Dunning:Auth:ApiKeys:0:Name"] = "test-operator",
                ["Dunning:Auth:ApiKeys:0:Key"] = Keys.Operator,
                ["Dunning:Auth:ApiKeys:0:Role"] = "operator",
                ["Dunning:Auth:ApiKeys:1:Name"] = "test-supervisor",
                ["Dunning:Auth:ApiKeys:1:Key"] = Keys.Supervisor,
                ["Dunning:Auth:ApiKeys:1:Role"] = "supervisor",
                ["Dunning:Auth:ApiKeys:2:Name"] = "test-viewer",
                ["Dunning:Auth:ApiKeys:2:Key"] = Keys.Viewer,
                ["Dunning:Auth:ApiKeys:2:Role"] = "viewer",
                ["Dunning:Webhooks:PaymentSecret"] = Keys.WebhookSecret,
                ["Logging:LogLevel:Default"] = "Warning",
            };

            // One task hub per prefix: a sibling on the same prefix shares it, as a second instance would.
            foreach (var (key, value) in TestEngine.Settings(prefix))
            {
                settings[key] = value;
            }

            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            // Settings, not app configuration: they reach Program before it reads them (as command-line arguments).
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(ConfigureServices);
        });

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The keys and secret every test host is configured with.</summary>
public static class Keys
{
    public const string Operator = "test-operator-key";
    public const string Supervisor = "test-supervisor-key";
    public const string Viewer = "test-viewer-key";
    public const string WebhookSecret = "test-webhook-secret";
}
