using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dunning.Bench;

/// <summary>The service as a child process, so its memory is its own: the built Dunning.Api (HTTP API, and the case
/// workflow on its local Durable engine), on the bench's Azurite under the scale phase's prefix and task hub, at real
/// time, with the capture channels and the keys the bench calls it with. Stopped with SIGKILL.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the API listens.</summary>
    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the service on <paramref name="prefix"/>'s tables and its own task hub <paramref name="taskHub"/>: a
    /// service killed at the previous scale point holds its task hub's partition leases until they run out.</summary>
    public static async Task<ServiceProcess> StartApiAsync(string apiDll, string repoRoot, string connectionString, string prefix, string taskHub,
        CancellationToken cancellationToken = default)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(apiDll);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Dunning:Storage:ConnectionString"] = connectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Durable:TaskHubName"] = taskHub,
            ["Dunning:Clock:Speed"] = "1",
            ["Dunning:Host:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Dunning:Host:UseLocalSettings"] = "false",
            ["Dunning:Host:StartLocalEmulator"] = "false",
            ["Dunning:Channels:Provider"] = "Capture",
            ["Dunning:Auth:ApiKeys:0:Name"] = "bench-operator",
            ["Dunning:Auth:ApiKeys:0:Key"] = OperatorKey,
            ["Dunning:Auth:ApiKeys:0:Role"] = "operator",
            ["Dunning:Auth:ApiKeys:1:Name"] = "bench-viewer",
            ["Dunning:Auth:ApiKeys:1:Key"] = ApiKey,
            ["Dunning:Auth:ApiKeys:1:Role"] = "viewer",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await service.WaitUntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(new Uri(service.BaseAddress, "healthz"), cancellationToken).ConfigureAwait(false)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
        return service;
    }

    /// <summary>The viewer key the bench lists cases with.</summary>
    public const string ApiKey = "bench-viewer-key";

    /// <summary>The operator key the bench opens cases with.</summary>
    public const string OperatorKey = "bench-operator-key";

    /// <summary>Peak resident set (VmHWM: Linux's peak working set) in MB.</summary>
    public double PeakWorkingSetMb()
    {
        var status = $"/proc/{_process.Id}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line[6..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                return Math.Round(kb / 1024.0, 1);
            }
        }

        _process.Refresh();
        return Math.Round(_process.PeakWorkingSet64 / 1024.0 / 1024.0, 1);
    }

    public string OutputTail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(15));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        _process.Dispose();
    }

    private async Task WaitUntilAsync(Func<Task<bool>> ready, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await ready().ConfigureAwait(false))
        {
            if (_process.HasExited || TimeProvider.System.GetElapsedTime(started) > StartTimeout)
            {
                var why = _process.HasExited ? $"exited with {_process.ExitCode}" : $"did not answer within {StartTimeout.TotalSeconds} s";
                var tail = OutputTail();
                await DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The service {why}:{Environment.NewLine}{tail}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
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
            if (_output.Count > 200)
            {
                _output.RemoveRange(0, 100);
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }
}
