using System.Globalization;
using Azure.Data.Tables;
using Dunning.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Chaos;

/// <summary><c>Dunning.Chaos worker CONNECTION PREFIX SPEED EPOCH START FAULTRATE</c>: one worker process of the chaos run,
/// the runtime's queue processors on the shared virtual clock, with the recording provider and the fault policy that
/// fails or loses the response of a share of its storage requests. It runs until it is killed.</summary>
public static class WorkerMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var connectionString, var prefix, var speed, var epoch, var start, var faultRate])
        {
            Console.Error.WriteLine("usage: Dunning.Chaos worker CONNECTION PREFIX SPEED EPOCH START FAULTRATE");
            return 2;
        }

        var clock = ChaosClock.Options(double.Parse(speed, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(epoch, CultureInfo.InvariantCulture), DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));
        var rate = double.Parse(faultRate, CultureInfo.InvariantCulture);
        var builder = Host.CreateApplicationBuilder();
        // Injected faults make every worker log warnings by the hundred; only what would crash it is worth showing.
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Critical);
        builder.Services.AddSingleton<IEffectHandler>(new RecordingProvider(new TableClient(connectionString, RecordingProvider.TableName(prefix))));
        builder.Services.AddSingleton<StoragePolicy>(new FaultInjector((_, _) =>
            Random.Shared.NextDouble() >= rate ? null : Random.Shared.Next(2) == 0 ? FaultKind.Fail : FaultKind.DropResponse));
        builder.Services.AddDunningRuntime(ChaosClock.WorkerOptions(connectionString, prefix), clock);
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
