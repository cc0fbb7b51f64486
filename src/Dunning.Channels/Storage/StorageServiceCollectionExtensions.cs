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
        services.TryAddSingleton(sp => new StorageAccount(
            sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<RequestCounter>(), sp.GetServices<StoragePolicy>()));
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
