using Dunning.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Runtime;

/// <summary>Composes the runtime: options, clock, storage clients, store, inbox, processor and (optionally) the
/// hosted queue processors. Effect handlers are added by the channels; the capture sink takes what they leave.</summary>
public static class RuntimeServiceCollectionExtensions
{
    public static IServiceCollection AddDunningRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RuntimeOptions.Section).Get<RuntimeOptions>() ?? new RuntimeOptions();
        if (configuration["ConnectionStrings:Storage"] is { Length: > 0 } connection)
        {
            options.StorageConnectionString = connection;
        }

        var clockOptions = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        return services.AddDunningRuntime(options, clockOptions);
    }

    public static IServiceCollection AddDunningRuntime(this IServiceCollection services, RuntimeOptions options, ClockOptions clockOptions)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton(new VirtualClock(clockOptions));
        services.TryAddSingleton<TimeProvider>(sp => sp.GetRequiredService<VirtualClock>());
        services.TryAddSingleton<RequestCounter>();
        services.TryAddSingleton(PolicyCatalog.Default);
        services.TryAddSingleton(sp => new StorageClients(
            sp.GetRequiredService<RuntimeOptions>(),
            sp.GetRequiredService<RequestCounter>(),
            sp.GetServices<StoragePolicy>()));
        services.TryAddSingleton<CaseStore>();
        services.TryAddSingleton<CaseInbox>();
        services.TryAddSingleton<ReadModelStore>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<CaseProcessor>();
        // Last in line: effects no channel claims are captured, never dropped.
        services.AddSingleton<CapturingEffectHandler>();
        services.AddSingleton<IEffectHandler>(sp => sp.GetRequiredService<CapturingEffectHandler>());
        if (options.RunProcessors)
        {
            services.AddHostedService<InboxProcessorService>();
        }

        return services;
    }
}
