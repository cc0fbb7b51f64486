using System.Reflection;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dunning.Functions.Tests;

/// <summary>The Function App's own host, composed by <see cref="FunctionAppComposition.AddDunningFunctionApp"/> as
/// Program.cs composes it (not a copy), built with scope and build-time validation and not started: no Functions host
/// is connected here. Settings stand in for the app settings Azure would give it.</summary>
public static class FunctionAppHost
{
    static FunctionAppHost()
    {
        // The worker runs the extensions' start-up code (the Durable extension's executor, metadata transformer and
        // middleware; the ASP.NET Core integration's) and the generated metadata provider from the entry assembly's
        // attributes: in the test runner that is the runner, so the app's own assembly stands in, as it does on Azure.
        Assembly.SetEntryAssembly(typeof(FunctionAppComposition).Assembly);
    }

    public const string OperatorKey = "fn-operator-key";
    public const string SupervisorKey = "fn-supervisor-key";
    public const string ViewerKey = "fn-viewer-key";
    public const string WebhookSecret = "fn-webhook-secret";

    public static IHost Build(string storageConnectionString = "UseDevelopmentStorage=true", string prefix = "fn", IEnumerable<KeyValuePair<string, string?>>? more = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dunning:Storage:ConnectionString"] = storageConnectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Host:OpenCaseWait"] = "00:00:00.300",
            ["Dunning:Auth:ApiKeys:0:Name"] = "fn-operator",
            ["Dunning:Auth:ApiKeys:0:Key"] = OperatorKey,
            ["Dunning:Auth:ApiKeys:0:Role"] = "operator",
            ["Dunning:Auth:ApiKeys:1:Name"] = "fn-supervisor",
            ["Dunning:Auth:ApiKeys:1:Key"] = SupervisorKey,
            ["Dunning:Auth:ApiKeys:1:Role"] = "supervisor",
            ["Dunning:Auth:ApiKeys:2:Name"] = "fn-viewer",
            ["Dunning:Auth:ApiKeys:2:Key"] = ViewerKey,
            ["Dunning:Auth:ApiKeys:2:Role"] = "viewer",
            ["Dunning:Webhooks:PaymentSecret"] = WebhookSecret,
        });
        if (more is not null)
        {
            builder.Configuration.AddInMemoryCollection(more);
        }

        builder.AddDunningFunctionApp();
        services?.Invoke(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}
