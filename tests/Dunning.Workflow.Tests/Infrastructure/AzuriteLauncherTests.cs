using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Dunning.Channels.Storage.LocalEmulator;

namespace Dunning.Workflow.Tests;

/// <summary>The launcher's own promises: free ports, isolation, clean shutdown, useful failures.</summary>
public sealed class AzuriteLauncherTests
{
    private static readonly string ToolDirectory = AzuriteLauncher.FindToolDirectory(AppContext.BaseDirectory);

    [Fact]
    public async Task GivenTwoLaunchers_WhenStartedAtOnce_ThenEachServesItsOwnStorageOnItsOwnPorts()
    {
        var starts = new[]
        {
            AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory)),
            AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory)),
        };
        await using var first = await starts[0];
        await using var second = await starts[1];

        int[] ports = [first.BlobPort, first.QueuePort, first.TablePort, second.BlobPort, second.QueuePort, second.TablePort];
        Assert.Equal(ports.Length, ports.Distinct().Count());
        await new TableServiceClient(first.ConnectionString).CreateTableAsync("onlyinfirst");
        var firstTables = await new TableServiceClient(first.ConnectionString).QueryAsync().Select(t => t.Name).ToListAsync();
        var secondTables = await new TableServiceClient(second.ConnectionString).QueryAsync().Select(t => t.Name).ToListAsync();
        Assert.Contains("onlyinfirst", firstTables);
        Assert.DoesNotContain("onlyinfirst", secondTables);
    }

    [Fact]
    public async Task GivenRunningLauncher_WhenDisposed_ThenItsProcessIsGoneAndItsPortsAreClosed()
    {
        var launcher = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory));
        var processIds = launcher.ProcessIds;
        Assert.True(await AzuriteLauncher.IsListeningAsync("127.0.0.1", launcher.TablePort, CancellationToken.None));

        await launcher.DisposeAsync();

        Assert.Equal(3, processIds.Distinct().Count());
        Assert.Contains(launcher.ProcessId, processIds);
        Assert.All(processIds, pid => Assert.False(ProcessLiveness.IsAlive(pid)));
        Assert.False(await AzuriteLauncher.IsListeningAsync("127.0.0.1", launcher.BlobPort, CancellationToken.None));
        Assert.False(await AzuriteLauncher.IsListeningAsync("127.0.0.1", launcher.QueuePort, CancellationToken.None));
        Assert.False(await AzuriteLauncher.IsListeningAsync("127.0.0.1", launcher.TablePort, CancellationToken.None));
    }

    [Fact]
    public async Task GivenDataInAFolder_WhenTheLauncherIsDisposedRightAfterWritingAndStartedAgain_ThenEachServiceKeptItsData()
    {
        // Azurite's stores save to disk only every few seconds; only a shutdown that lets each service save keeps these.
        var folder = Directory.CreateTempSubdirectory("dunning-azurite-data-");
        try
        {
            await using (var first = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory, Location: folder.FullName)))
            {
                var table = new TableClient(first.ConnectionString, "kept");
                await table.CreateAsync();
                await table.AddEntityAsync(new TableEntity("case-1", "state") { ["Step"] = "reminder" });
                var queue = new QueueClient(first.ConnectionString, "kept");
                await queue.CreateAsync();
                await queue.SendMessageAsync("wake case-1");
                var container = new BlobContainerClient(first.ConnectionString, "kept");
                await container.CreateAsync();
                await container.GetBlobClient("case-1.json").UploadAsync(BinaryData.FromString("{}"));
            }

            await using var again = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory, Location: folder.FullName));

            var entity = await new TableClient(again.ConnectionString, "kept").GetEntityAsync<TableEntity>("case-1", "state");
            var message = (await new QueueClient(again.ConnectionString, "kept").PeekMessageAsync()).Value;
            var blob = await new BlobContainerClient(again.ConnectionString, "kept").GetBlobClient("case-1.json").DownloadContentAsync();
            Assert.Equal("reminder", entity.Value.GetString("Step"));
            Assert.Equal("wake case-1", message.Body.ToString());
            Assert.Equal("{}", blob.Value.Content.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task GivenBlobPortTaken_WhenStartingOnIt_ThenStartFailsWithAzuritesOwnOutput()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<AzuriteStartException>(
            () => AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory, BlobPort: takenPort)));

        Assert.Contains("EADDRINUSE", failure.Output, StringComparison.Ordinal);
        Assert.True(failure.ReportsPortInUse(takenPort));
        Assert.False(failure.ReportsPortInUse(takenPort / 10));
    }

    [Fact]
    public void GivenFolderInsideTheRepo_WhenFindingToolDirectory_ThenItIsToolsAzurite()
    {
        var found = AzuriteLauncher.FindToolDirectory(Path.Combine(ToolDirectory, "node_modules"));

        Assert.Equal(ToolDirectory, found);
        Assert.True(File.Exists(Path.Combine(found, "package-lock.json")));
    }

    [Fact]
    public void GivenFolderOutsideAnyRepo_WhenFindingToolDirectory_ThenItSaysSo()
    {
        var outside = Directory.CreateTempSubdirectory("dunning-no-repo-");
        try
        {
            Assert.Throws<DirectoryNotFoundException>(() => AzuriteLauncher.FindToolDirectory(outside.FullName));
        }
        finally
        {
            outside.Delete();
        }
    }

    [Fact]
    public void GivenDefaultPorts_WhenAsked_ThenTheyAreTheOnesAzureToolsAssume()
    {
        var options = AzuriteLauncher.ForDefaultPorts(ToolDirectory);

        Assert.Equal((10000, 10001, 10002), (options.BlobPort, options.QueuePort, options.TablePort));
    }
}
