using Azure.Core.Serialization;
using Dunning.Channels.Hosting;
using Dunning.Domain;
using Dunning.Endpoints;
using Dunning.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Dunning.Functions;

/// <summary>The Function App's composition, which Program.cs runs and the composition tests build: ASP.NET Core
/// integration for the HTTP triggers, the case workflow's orchestrator and activities registered as classes with the
/// Durable extension (no generated wrappers: the extension's metadata transformer declares them to the host), the
/// domain's JSON as the Durable payload serializer, and the same workflow, channel and endpoint services as the local
/// host. Nothing runs in the background here: the command sweep, campaign starts and the visit monitor are timer
/// triggers, since only a trigger gets a Durable client.</summary>
public static class FunctionAppComposition
{
    public static FunctionsApplicationBuilder AddDunningFunctionApp(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dunning:Workflow:RunSweep"] = "false",
            ["Dunning:Channels:RunVisitMonitor"] = "false",
        });

        // The Durable extension serializes orchestration and activity payloads with the worker's serializer (it ignores
        // a DataConverter in DI); the local engine's converter uses the same options, so commands and snapshots
        // round-trip with their "kind" discriminators in both hosts.
        builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(DomainJson.Options));
        builder.ConfigureDurableWorker().AddTasks(registry => registry.AddCaseWorkflow());

        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Services.AddSingleton<InvocationDurableClient>();
        builder.Services.TryAddSingleton<IDurableClientAccessor>(sp => sp.GetRequiredService<InvocationDurableClient>());
        builder.Services.AddDunningWorkflow(builder.Configuration);
        builder.Services.AddDunningChannels(builder.Configuration);
        builder.Services.AddDunningEndpoints(builder.Configuration);
        // The worker's own spans for each invocation (the host's trace context), under Dunning's spans and metrics.
        builder.Services.AddDunningTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
        builder.Services.AddSingleton<EndpointBinding>();
        return builder;
    }
}
