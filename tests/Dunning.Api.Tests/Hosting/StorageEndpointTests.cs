using Dunning.Api.Hosting;
using Dunning.Channels.Storage.LocalEmulator;

namespace Dunning.Api.Tests;

/// <summary>Telling the local emulator (whose absence starts Azurite) from a real storage account.</summary>
public sealed class StorageEndpointTests
{
    [Fact]
    public void GivenUseDevelopmentStorage_WhenParsed_ThenTheEmulatorOnItsDefaultPorts()
    {
        var endpoint = StorageEndpoint.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new StorageEndpoint(true, "127.0.0.1", 10000, 10001, 10002), endpoint);
    }

    [Fact]
    public void GivenExplicitLoopbackEndpoints_WhenParsed_ThenTheEmulatorOnThosePorts()
    {
        var endpoint = StorageEndpoint.Parse(AzuriteConnectionString.Create(20000, 20001, 20002));

        Assert.Equal(new StorageEndpoint(true, "127.0.0.1", 20000, 20001, 20002), endpoint);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("TableEndpoint=https://prod.table.core.windows.net/;SharedAccessSignature=sv=1")]
    [InlineData("UseDevelopmentStorage=false")]
    public void GivenARealAccount_WhenParsed_ThenNotTheEmulator(string connectionString)
    {
        Assert.False(StorageEndpoint.Parse(connectionString).IsLocalEmulator);
    }
}
