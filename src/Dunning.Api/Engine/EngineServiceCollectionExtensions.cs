using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;

namespace Dunning.Api.Engine;

/// <summary>Composes the local engine: the backend (<see cref="LocalDurableEngine"/>), DTFx's dispatchers running the case
/// workflow's SDK classes (<see cref="TaskHubWorkerHost"/>), and the SDK client the API uses
/// (<see cref="TaskHubDurableClient"/>). Both speak the domain's JSON, as the Functions app's serializer does, so
/// polymorphic commands and events round-trip.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>The case workflow (stores, activities, the command sweep) on the local engine. The engine comes first:
    /// hosted services start in registration order, and the sweep calls the engine as soon as it starts.</summary>
    public static IServiceCollection AddDunningWorkflowOnLocalEngine(this IServiceCollection services, IConfiguration configuration) =>
        services.AddLocalDurableEngine(configuration).AddDunningWorkflow(configuration);

    /// <summary>The local engine running <paramref name="tasks"/> (the case workflow's unless told otherwise: the benchmark
    /// registers its textbook workflow on the same engine).</summary>
    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, IConfiguration configuration,
        Action<DurableTaskRegistry>? tasks = null)
    {
        var options = configuration.GetSection(DurableEngineOptions.Section).Get<DurableEngineOptions>() ?? new DurableEngineOptions();
        services.AddSingleton(options);
        services.AddSingleton<LocalDurableEngine>();
        var converter = new JsonDataConverter(DomainJson.Options);
        // Before the worker: hosted services start in registration order and stop in reverse.
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        services.AddSingleton<DurableTaskClient>(sp => new TaskHubDurableClient(sp.GetRequiredService<LocalDurableEngine>().Service, converter));
        if (options.RunWorker)
        {
            services.AddDurableTaskWorker(worker =>
            {
                worker.AddTasks(tasks ?? (registry => registry.AddCaseWorkflow()));
                worker.UseBuildTarget<TaskHubWorkerHost>();
                worker.Configure(o => o.DataConverter = converter);
            });
        }

        return services;
    }
}
