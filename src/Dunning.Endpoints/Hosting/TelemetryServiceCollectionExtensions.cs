using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Dunning.Workflow;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dunning.Endpoints;

/// <summary>OpenTelemetry as both hosts set it up: Dunning's spans (<see cref="WorkflowTelemetry.SourceName"/>) and meter,
/// outgoing HTTP (Communication Services, the legal webhook), exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with the host's Entra ID credential when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>: no instrumentation key is then accepted
/// alone), and to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Each host adds its own request
/// instrumentation (ASP.NET Core in the local host, the Functions worker's in the Function App).</summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string AppInsightsConnection = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AppInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static OpenTelemetryBuilder AddDunningTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(WorkflowTelemetry.SourceName).AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(WorkflowTelemetry.MeterName).AddHttpClientInstrumentation());
        if (configuration[AppInsightsConnection] is { Length: > 0 } connection)
        {
            telemetry.UseAzureMonitorExporter(exporter => exporter.ConnectionString = connection);
            if (UsesEntraId(configuration[AppInsightsAuthentication]))
            {
                services.AddOptions<AzureMonitorExporterOptions>().Configure<TokenCredential>((exporter, credential) => exporter.Credential = credential);
            }
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }

    /// <summary>Whether Application Insights is to be reached with an Entra ID token (<c>Authorization=AAD</c>).</summary>
    public static bool UsesEntraId(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(part => part.Equals("Authorization=AAD", StringComparison.OrdinalIgnoreCase)) == true;
}
