using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dunning.Bench;

/// <summary>The service as a child process, so its memory is its own: the built Dunning.Api (HTTP API and processors)
/// when there is one, otherwise this executable's runtime-only <c>service</c> mode.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServiceProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the API listens; null for the runtime-only stand-in.</summary>
    public Uri? BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServiceProcess> StartApiAsync(string apiDll, string repoRoot, string connectionString, string prefix,
        CancellationToken cancellationToken = default)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(apiDll);
        start.Environment["Dunning__Runtime__StorageConnectionString"] = connectionString;
        start.Environment["Dunning__Runtime__Prefix"] = prefix;
        start.Environment["Dunning__Clock__Speed"] = "1";
        start.Environment["Dunning__Host__Port"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Dunning__Host__StartLocalEmulator"] = "false";
        start.Environment["Dunning__Auth__ApiKeys__2__Name"] = "dev-viewer";
        start.Environment["Dunning__Auth__ApiKeys__2__Key"] = ApiKey;
        start.Environment["Dunning__Auth__ApiKeys__2__Role"] = "viewer";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var service = new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await service.WaitUntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(new Uri(service.BaseAddress!, "healthz"), cancellationToken).ConfigureAwait(false)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
        return service;
    }

    public static async Task<ServiceProcess> StartStandInAsync(string connectionString, string prefix, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(ServiceProcess).Assembly.Location, "service", connectionString, prefix })
        {
            start.ArgumentList.Add(argument);
        }

        var service = new ServiceProcess(Process.Start(start)!, null);
        await service.WaitUntilAsync(() => Task.FromResult(service.Said(ServiceMode.ReadyLine)), cancellationToken).ConfigureAwait(false);
        return service;
    }

    /// <summary>The dev viewer key of local.settings.sample.json.</summary>
    public const string ApiKey = "dev-viewer-key";

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

    private bool Said(string line)
    {
        lock (_output)
        {
            return _output.Contains(line);
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
