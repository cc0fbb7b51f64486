using System.Net;
using Dunning.Api.Engine;
using Dunning.Endpoints;
using Dunning.Endpoints.Campaigns;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dunning.Api.Hosting;

/// <summary>The pieces Program.cs composes: configuration, the web host, the case workflow on the local engine and the
/// API's services.</summary>
public static class DunningHost
{
    /// <summary>local.settings.json under the environment and command line.</summary>
    public static WebApplicationBuilder AddDunningConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var file = builder.AddLocalSettings(args);
        builder.Services.AddSingleton(new LocalSettingsFile(file));
        builder.Services.AddSingleton(HostSettings.From(builder.Configuration));
        return builder;
    }

    /// <summary>Kestrel on 127.0.0.1:7071, domain JSON, problem details, OpenAPI, local storage.</summary>
    public static WebApplicationBuilder AddDunningWebHost(this WebApplicationBuilder builder)
    {
        var settings = HostSettings.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<LocalStorage>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalStorage>());
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>The case workflow and the local Durable engine that runs it (backend, DTFx's TaskHubWorker, the SDK client).</summary>
    public static WebApplicationBuilder AddDunningWorkflow(this WebApplicationBuilder builder)
    {
        // The engine's own chatter (partition leases, queue polling, gRPC calls) only when something is wrong.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Services.AddDunningWorkflowOnLocalEngine(builder.Configuration);
        return builder;
    }

    /// <summary>The services behind the endpoints (shared with the Function App), telemetry with this host's request
    /// spans, and the campaign loop this host runs.</summary>
    public static WebApplicationBuilder AddDunningApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddDunningEndpoints(builder.Configuration);
        builder.Services.AddDunningTelemetry(builder.Configuration)
            .ConfigureResource(resource => resource.AddService("Dunning.Api"))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());
        builder.Services.AddHostedService<CampaignWorker>();
        return builder;
    }

    /// <summary>Errors as problem details (a body too large is a 413, not a 500), then authentication.</summary>
    public static WebApplication UseDunningPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>The local.settings.json the process read, if any.</summary>
public sealed record LocalSettingsFile(string? Path);
