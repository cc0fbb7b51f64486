using Dunning.Channels;
using Dunning.Channels.Storage;
using Dunning.Domain;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Workflow;

/// <summary>Composes the case workflow's services: clock, case tables, stores, command log, delivery and sweep. The
/// engine that runs the orchestrator (the local host's, or the Functions host's) registers the tasks with
/// <see cref="AddCaseWorkflow"/> and supplies the <c>DurableTaskClient</c>.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddDunningWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDunningStorage(configuration);
        var clock = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        var options = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        services.TryAddSingleton(new VirtualClock(clock));
        services.TryAddSingleton<TimeProvider>(sp => sp.GetRequiredService<VirtualClock>());
        services.TryAddKeyedSingleton<TimeProvider>(WallClock.Key, (sp, _) => sp.GetRequiredService<VirtualClock>().Real);
        services.TryAddSingleton(options);
        services.TryAddSingleton(PolicyCatalog.Default);
        services.AddMetrics();
        services.TryAddSingleton<WorkflowMetrics>();
        services.TryAddSingleton<CaseTables>();
        services.TryAddSingleton<CaseStore>();
        services.TryAddSingleton<ICaseRecords>(sp => sp.GetRequiredService<CaseStore>());
        services.TryAddSingleton<ReadModelStore>();
        services.TryAddSingleton<CommandLog>();
        // The Function App registers its per-invocation client first; every other host has one client for the process.
        services.TryAddSingleton<IDurableClientAccessor>(sp => new HostDurableClient(sp.GetRequiredService<DurableTaskClient>()));
        services.TryAddSingleton<CaseWorkflowClient>();
        services.TryAddSingleton<CommandDelivery>();
        services.TryAddSingleton<ICaseCommands>(sp => sp.GetRequiredService<CommandDelivery>());
        services.TryAddSingleton<EndedWorkflows>();
        services.TryAddSingleton<CommandSweep>();
        // Before the sweep, which reads PendingCommands as soon as it starts.
        services.AddHostedService<CaseTablesInitializer>();
        if (options.RunSweep)
        {
            services.AddHostedService(sp => sp.GetRequiredService<CommandSweep>());
        }

        return services;
    }

    /// <summary>Registers the case orchestrator and its activities: one activity per kind of effect, named after it.</summary>
    public static DurableTaskRegistry AddCaseWorkflow(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CaseOrchestrator>();
        registry.AddActivity<LoadCase>();
        registry.AddActivity<ReadCommands>();
        registry.AddActivity<CommitDecision>();
        foreach (var effect in CaseWorkflow.EffectActivities)
        {
            registry.AddActivity(effect, typeof(CarryOutEffect));
        }

        return registry;
    }
}
