using System.Diagnostics;
using System.Globalization;

namespace Dunning.Chaos;

/// <summary>The worker processes: this executable started again with <c>worker</c>, its settings (storage, clock, task
/// hub) in <c>Dunning__*</c> environment variables. Kills are SIGKILL (nothing runs after them: no drain, no lease
/// release) and the killed worker is started again at once.</summary>
public sealed class WorkerPool(IReadOnlyDictionary<string, string?> settings, double faultRate, int count, string? logDirectory) : IAsyncDisposable
{
    private readonly Process?[] _workers = new Process?[count];
    private readonly Lock _gate = new();
    private readonly List<string> _unexpected = [];
    private bool _disposed;

    public int Kills { get; private set; }

    /// <summary>Workers that stopped without being killed (a crash), with the last thing they wrote.</summary>
    public IReadOnlyList<string> UnexpectedExits
    {
        get
        {
            lock (_gate)
            {
                return _unexpected.ToList();
            }
        }
    }

    public void StartAll()
    {
        for (var i = 0; i < _workers.Length; i++)
        {
            Start(i);
        }
    }

    public async Task KillAndRestartAsync(int index)
    {
        var worker = _workers[index];
        if (worker is not null)
        {
            lock (_gate)
            {
                _workers[index] = null;
            }

            try
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // It had exited already.
            }

            worker.Dispose();
            Kills++;
        }

        Start(index);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        for (var i = 0; i < _workers.Length; i++)
        {
            Process? worker;
            lock (_gate)
            {
                worker = _workers[i];
                _workers[i] = null;
            }

            if (worker is null)
            {
                continue;
            }

            try
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
            }

            worker.Dispose();
        }
    }

    private void Start(int index)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(WorkerPool).Assembly.Location);
        start.ArgumentList.Add(WorkerMode.Verb);
        start.ArgumentList.Add("--fault-rate");
        start.ArgumentList.Add(faultRate.ToString("R", CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--parent");
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (logDirectory is not null)
        {
            Directory.CreateDirectory(logDirectory);
            start.ArgumentList.Add("--log");
            start.ArgumentList.Add(Path.Combine(logDirectory, $"worker-{index}.log"));
        }

        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 10)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Exited += (_, _) =>
        {
            // Not killed by us (a kill clears the slot first): note it and start a replacement, so the run keeps its workers.
            lock (_gate)
            {
                if (_disposed || !ReferenceEquals(_workers[index], process))
                {
                    return;
                }

                _workers[index] = null;
                lock (tail)
                {
                    _unexpected.Add($"worker {index} exited with {process.ExitCode}: {string.Join(" | ", tail)}");
                }
            }

            Start(index);
        };
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _workers[index] = process;
            process.Start();
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }
}
