using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace Dunning.Api.Engine;

/// <summary>Composes the local engine: the backend and sidecar (<see cref="LocalDurableEngine"/>), the SDK worker running
/// the case workflow, and the SDK client the API uses. Both speak the domain's JSON, as the Functions app's serializer
/// will, so polymorphic commands and events round-trip.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>The case workflow (stores, activities, the command sweep) on the local engine. The engine comes first:
    /// hosted services start in registration order, and the sweep calls the engine as soon as it starts.</summary>
    public static IServiceCollection AddDunningWorkflowOnLocalEngine(this IServiceCollection services, IConfiguration configuration) =>
        services.AddLocalDurableEngine(configuration).AddDunningWorkflow(configuration);

    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DurableEngineOptions.Section).Get<DurableEngineOptions>() ?? new DurableEngineOptions();
        services.AddSingleton(options);
        services.AddSingleton<LocalDurableEngine>();
        var converter = new JsonDataConverter(DomainJson.Options);
        // Before the worker: hosted services start in registration order and stop in reverse.
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        if (!options.RunWorker)
        {
            AddClient(services, converter);
            return services;
        }

        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registry => registry.AddCaseWorkflow());
            worker.UseGrpc();
            worker.Configure(o =>
            {
                o.DataConverter = converter;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
                o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
            });
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<LocalDurableEngine>((o, engine) => o.Channel = engine.Channel);
        AddClient(services, converter);
        return services;
    }

    private static void AddClient(IServiceCollection services, DataConverter converter)
    {
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.Configure(o => o.DataConverter = converter);
        });
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<LocalDurableEngine>((o, engine) => o.Channel = engine.Channel);
    }
}
