using Azure.Core;
using Azure.Core.Pipeline;
using Dunning.Channels.Acs;
using Dunning.Channels.DeliveryReports;
using Dunning.Channels.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Channels;

/// <summary>Registers the SMS and e-mail providers chosen by <c>Dunning:Channels:Provider</c>, the message log and the
/// Event Grid handler. Needs a <see cref="TimeProvider"/> and the workflow's <see cref="ICaseCommands"/> registered too.</summary>
public static class MessageProvidersServiceCollectionExtensions
{
    public static IServiceCollection AddMessageProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var choice = configuration.GetSection(MessageProviderOptions.Section).Get<MessageProviderOptions>() ?? new MessageProviderOptions();
        var acs = configuration.GetSection(AcsOptions.Section).Get<AcsOptions>() ?? new AcsOptions();
        services.TryAddSingleton(choice);
        services.TryAddSingleton(acs);
        services.AddDunningStorage(configuration);
        services.TryAddSingleton<ChannelTables>();
        // Messages carry the service's clock (virtual in a demo), as the case history does.
        services.TryAddSingleton(sp => new MessageLog(sp.GetRequiredService<ChannelTables>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AcsEventGridHandler>();

        if (choice.Provider.Equals(MessageProviderOptions.Capture, StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<CapturingMessageProvider>();
            services.TryAddSingleton<ISmsProvider>(sp => sp.GetRequiredService<CapturingMessageProvider>());
            services.TryAddSingleton<IEmailProvider>(sp => sp.GetRequiredService<CapturingMessageProvider>());
            return services;
        }

        if (!choice.Provider.Equals(MessageProviderOptions.Acs, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{MessageProviderOptions.Section}:Provider is '{choice.Provider}'; use '{MessageProviderOptions.Capture}' or '{MessageProviderOptions.Acs}'.");
        }

        return services.AddAcs(acs);
    }

    private static IServiceCollection AddAcs(this IServiceCollection services, AcsOptions acs)
    {
        var connection = acs.ConnectionString is { Length: > 0 } text ? AcsConnectionString.Parse(text) : null;
        var endpoint = connection?.Endpoint ?? acs.Endpoint
            ?? throw new InvalidOperationException(
                $"The Acs provider needs {AcsOptions.Section}:ConnectionString (endpoint=...;accesskey=...) or {AcsOptions.Section}:Endpoint with a TokenCredential registered for managed identity.");
        var missing = new[] { (Name: "SenderPhone", Value: acs.SenderPhone), (Name: "SenderEmail", Value: acs.SenderEmail) }
            .Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"{AcsOptions.Section}:{s.Name}").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The Acs provider needs {string.Join(" and ", missing)}.");
        }

        // One pipeline for both clients, built when first resolved: a TokenCredential may be registered after this call.
        services.TryAddSingleton(sp => new AcsHttp(connection is not null
            // HMAC dates must be real time (the wall clock): the service refuses a signature more than minutes off.
            ? AcsPipeline.Build(AcsPipeline.ClientOptions(acs), connection, WallClock.From(sp))
            : AcsPipeline.Build(AcsPipeline.ClientOptions(acs), sp.GetService<TokenCredential>()
                ?? throw new InvalidOperationException(
                    $"{AcsOptions.Section}:Endpoint is set without a connection string: register an Azure.Core TokenCredential (e.g. a managed identity credential) in DI."))));
        services.TryAddSingleton(sp => new AcsSmsClient(sp.GetRequiredService<AcsHttp>().Pipeline, endpoint));
        services.TryAddSingleton(sp => new AcsEmailClient(sp.GetRequiredService<AcsHttp>().Pipeline, endpoint, acs, WallClock.From(sp)));
        services.TryAddSingleton(sp => new SendLog(sp.GetRequiredService<ChannelTables>(), WallClock.From(sp)));
        services.TryAddSingleton<AcsRateLimits>();
        services.TryAddSingleton<AcsSmsProvider>();
        services.TryAddSingleton<AcsEmailProvider>();
        services.TryAddSingleton<ISmsProvider>(sp => sp.GetRequiredService<AcsSmsProvider>());
        services.TryAddSingleton<IEmailProvider>(sp => sp.GetRequiredService<AcsEmailProvider>());
        return services;
    }
}

/// <summary>The ACS pipeline as a service of its own, so no other HttpPipeline in the container is mistaken for it.</summary>
internal sealed record AcsHttp(HttpPipeline Pipeline);
