using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>The real host, <c>Dunning.Api</c>, as a child process (the built executable beside these tests) on the
/// collection's Azurite: its own port, a shared storage prefix, task hub and business timeline, the capture channels.
/// It can be killed outright (SIGKILL), as a crashed machine would be.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string OperatorKey = "proc-operator-key";
    public const string ViewerKey = "proc-viewer-key";
    public const string SupervisorKey = "proc-supervisor-key";

    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Operator = Client(OperatorKey);
        Viewer = Client(ViewerKey);
        Supervisor = Client(SupervisorKey);
    }

    public Uri Address { get; }
    public int ProcessId => _process.Id;
    public HttpClient Operator { get; }
    public HttpClient Viewer { get; }
    public HttpClient Supervisor { get; }

    /// <summary>The worker id the host's engine owns leases under.</summary>
    public string WorkerId => $"{Environment.MachineName}-{ProcessId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a host and waits until it answers /healthz.</summary>
    public static async Task<HostProcess> StartAsync(AzuriteFixture storage, string prefix, ClockOptions clock, int partitions = 2,
        Action<IDictionary<string, string?>>? configure = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dunning.Api.dll"));
        var settings = WorkflowHost.Settings(storage, prefix, clock);
        settings["Dunning:Durable:PartitionCount"] = partitions.ToString(CultureInfo.InvariantCulture);
        settings["Dunning:Host:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Dunning:Host:UseLocalSettings"] = "false";
        settings["Dunning:Host:StartLocalEmulator"] = "false";
        settings["Dunning:Channels:Provider"] = "Capture";
        settings["Dunning:Auth:ApiKeys:0:Name"] = "proc-operator";
        settings["Dunning:Auth:ApiKeys:0:Key"] = OperatorKey;
        settings["Dunning:Auth:ApiKeys:0:Role"] = "operator";
        settings["Dunning:Auth:ApiKeys:1:Name"] = "proc-viewer";
        settings["Dunning:Auth:ApiKeys:1:Key"] = ViewerKey;
        settings["Dunning:Auth:ApiKeys:1:Role"] = "viewer";
        settings["Dunning:Auth:ApiKeys:2:Name"] = "proc-supervisor";
        settings["Dunning:Auth:ApiKeys:2:Key"] = SupervisorKey;
        settings["Dunning:Auth:ApiKeys:2:Role"] = "supervisor";
        settings["Logging:LogLevel:Default"] = "Warning";
        configure?.Invoke(settings);
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var host = new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        using var probe = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(2) };
        await Wait.UntilAsync(async () =>
        {
            Assert.False(host._process.HasExited, $"the host exited during start-up:\n{host.Output}");
            try
            {
                return (await probe.GetAsync("healthz")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(180), $"host {host.ProcessId} to answer");
        return host;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }
    }

    /// <summary>Opens a case over HTTP; returns its id.</summary>
    public async Task<string> OpenAsync(string accountId, DateOnly due, decimal amount = 12000m)
    {
        using var response = await Operator.PostAsJsonAsync("/api/cases", new
        {
            accountId,
            invoiceId = "INV-1",
            debtor = new { name = "Li Wei", phone = "+8613800138000", email = "li.wei@example.com", timeZone = "Asia/Shanghai", locale = "zh-CN", address = "88 Century Ave" },
            amountDue = new { amount, currency = "CNY" },
            dueDate = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            policy = "default",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    /// <summary>Kills the process at once (SIGKILL): nothing is flushed, no lease released. With its children (an
    /// Azurite it started) unless <paramref name="childrenToo"/> is false, as when only the host dies.</summary>
    public async Task KillAsync(bool childrenToo = true)
    {
        _process.Kill(entireProcessTree: childrenToo);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Operator.Dispose();
        Viewer.Dispose();
        Supervisor.Dispose();
        _process.Dispose();
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
