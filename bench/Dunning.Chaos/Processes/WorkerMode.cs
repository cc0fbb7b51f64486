using Azure.Data.Tables;
using Dunning.Api.Engine;
using Dunning.Channels;
using Dunning.Channels.Storage;
using Dunning.Channels.Storage.LocalEmulator;
using Dunning.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Chaos;

/// <summary><c>Dunning.Chaos worker --fault-rate F</c>: one worker process of the chaos run, composed as the service
/// composes its workflow (<c>AddDunningWorkflow</c> + <c>AddLocalDurableEngine</c>, settings from the <c>Dunning__*</c>
/// environment the run gives it), with the recording provider as its only effect handler and a fault policy that fails
/// or loses the response of a share of its own storage requests. The task hub's requests are the engine's own clients
/// and are left alone. It runs until it is killed.</summary>
public static class WorkerMode
{
    public const string Verb = "worker";

    private static readonly TimeSpan OrphanCheck = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(double faultRate, string? logFile, int? parent, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logFile is not null)
        {
            // The workflow's own decisions and adoptions, and the engine's warnings: enough to follow a case that went wrong.
            builder.Logging.AddProvider(new FileLogProvider(logFile)).SetMinimumLevel(LogLevel.Warning).AddFilter("Dunning", LogLevel.Debug);
        }
        else
        {
            // Injected faults make every worker log warnings by the hundred; only what would crash it is worth showing.
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Critical);
        }

        var storage = StorageServiceCollectionExtensions.Read(builder.Configuration);
        builder.Services.AddSingleton<IEffectHandler>(new RecordingProvider(new TableClient(storage.ConnectionString, RecordingProvider.TableName(storage.Prefix))));
        builder.Services.AddSingleton<StoragePolicy>(new FaultInjector((_, _) =>
            Random.Shared.NextDouble() >= faultRate ? null : Random.Shared.Next(2) == 0 ? FaultKind.Fail : FaultKind.DropResponse));
        builder.Services.AddDunningWorkflowOnLocalEngine(builder.Configuration);
        using var host = builder.Build();
        using var orphaned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = parent is { } pid ? WatchParentAsync(pid, orphaned) : Task.CompletedTask;
        await host.RunAsync(orphaned.Token).ConfigureAwait(false);
        await orphaned.CancelAsync().ConfigureAwait(false);
        await watch.ConfigureAwait(false);
        return 0;
    }

    /// <summary>A run that is itself killed cannot stop its workers: each stops when the run's process is gone.</summary>
    private static async Task WatchParentAsync(int pid, CancellationTokenSource orphaned)
    {
        while (!orphaned.IsCancellationRequested)
        {
            if (!ProcessLiveness.IsAlive(pid))
            {
                await orphaned.CancelAsync().ConfigureAwait(false);
                return;
            }

            try
            {
                await Task.Delay(OrphanCheck, orphaned.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
