using System.Diagnostics;
using System.Globalization;
using AzuriteLoad;

// Usage: AzuriteLoad <connection string> [--instances N] [--seconds S] [--pids p1,p2,...]
// Runs N concurrent "orchestrations" against the storage for S seconds (each does what the Durable Task Azure Storage
// backend does per step, see InstanceLoop) and prints operations per second and the CPU the given processes used.
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: AzuriteLoad <connection string> [--instances 100] [--seconds 60] [--pids 123,456]");
    return 2;
}

var connectionString = args[0];
var instances = 100;
var seconds = 60;
int[] pids = [];
for (var i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--instances": instances = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--pids": pids = [.. args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var hub = await TaskHub.CreateAsync(connectionString, "load" + Guid.NewGuid().ToString("N")[..8]);
var counter = new OperationCounter();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var cpuBefore = ProcessCpu.Read(pids);
var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, instances).Select(worker => new InstanceLoop(hub, counter, worker).RunAsync(stop.Token)));
watch.Stop();
var cpu = ProcessCpu.Read(pids) - cpuBefore;
var self = Process.GetCurrentProcess().TotalProcessorTime - selfBefore;

var operations = counter.Total;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"instances={instances} seconds={watch.Elapsed.TotalSeconds:0.0} operations={operations} ops/s={operations / watch.Elapsed.TotalSeconds:0} " +
    $"steps={counter.Steps} azurite-cpu-s={cpu.TotalSeconds:0.0} azurite-cpu-ms/op={cpu.TotalMilliseconds / Math.Max(1, operations):0.00} " +
    $"load-cpu-s={self.TotalSeconds:0.0} errors={counter.Errors}"));
return 0;
