using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Channels.Storage;

/// <summary>Registers Dunning's storage account once, whoever asks first (the channels, the workflow, a host).</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddDunningStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => Read(configuration));
        services.TryAddSingleton<RequestCounter>();
        // Identity-based access (storage by AccountName, Communication Services by Endpoint) uses the host's credential:
        // a managed identity on Azure (AZURE_CLIENT_ID names a user-assigned one), the developer's sign-in elsewhere.
        // Built on first use only, so a host on connection strings never touches it.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<StorageOptions>();
            return new StorageAccount(options, sp.GetRequiredService<RequestCounter>(), sp.GetServices<StoragePolicy>(),
                options.UsesIdentity ? sp.GetRequiredService<TokenCredential>() : null);
        });
        return services;
    }

    /// <summary>The options as configured, with <c>ConnectionStrings:Storage</c> taking precedence.</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (configuration.GetConnectionString("Storage") is { Length: > 0 } connection)
        {
            options.ConnectionString = connection;
        }

        return options;
    }
}
