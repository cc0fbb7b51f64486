using Dunning.Api.Engine;
using Dunning.Workflow;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dunning.Api.Hosting;

/// <summary>Says, once the server listens, where it listens, which clock it runs on, where its storage is and its engine.</summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    VirtualClock clock,
    LocalStorage storage,
    LocalSettingsFile settingsFile,
    LocalDurableEngine engine,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (settingsFile.Path is { } path)
            {
                HostLog.SettingsFile(logger, path);
            }

            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            var where = addresses is { Count: > 0 } ? string.Join(", ", addresses) : "(in-process test server)";
            HostLog.Listening(logger, where, clock.ToString(), clock.Speed, storage.Description, engine.Description);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
