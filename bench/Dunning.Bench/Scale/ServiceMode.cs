using Dunning.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Bench;

/// <summary><c>Dunning.Bench service CONNECTION PREFIX</c>: the runtime's queue processors on a real clock, composed as the
/// service composes them, and nothing else; the stand-in whose memory the scale phase measures when no API is built.</summary>
public static class ServiceMode
{
    public const string ReadyLine = "service ready";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var connectionString, var prefix])
        {
            Console.Error.WriteLine("usage: Dunning.Bench service CONNECTION PREFIX");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDunningRuntime(new RuntimeOptions { StorageConnectionString = connectionString, Prefix = prefix }, new ClockOptions());
        using var host = builder.Build();
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync().ConfigureAwait(false);
        await host.StartAsync().ConfigureAwait(false);
        Console.WriteLine(ReadyLine);
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
