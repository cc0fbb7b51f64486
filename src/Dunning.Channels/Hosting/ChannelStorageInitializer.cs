using Microsoft.Extensions.Hosting;

namespace Dunning.Channels.Hosting;

/// <summary>Creates the channels' tables, container and queue when the host starts. It runs in StartAsync, after the
/// host's StartingAsync phase in which the local storage emulator is brought up.</summary>
public sealed class ChannelStorageInitializer(ChannelStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
