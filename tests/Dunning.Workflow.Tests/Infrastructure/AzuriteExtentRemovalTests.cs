using System.Diagnostics;
using System.Text.Json;
using Dunning.Channels.Storage.LocalEmulator;

namespace Dunning.Workflow.Tests;

/// <summary>
/// The extent garbage collection that the patch made cheap runs only once a minute (queue) or every ten (blob), too rarely
/// for a test through the SDK; these drive the patched stores in Node directly: extents deleted one by one, and the patch's
/// removal helper on both its paths (one by one, and a large batch), must leave exactly the other documents, still found
/// through their indices.
/// </summary>
public sealed class AzuriteExtentRemovalTests
{
    private static readonly string ToolDirectory = AzuriteLauncher.FindToolDirectory(AppContext.BaseDirectory);
    private static readonly string Persistence = Path.Combine(ToolDirectory, "node_modules", "azurite", "dist", "src", "common", "persistence");

    [Fact]
    public async Task GivenExtentsInTheMetadataStore_WhenEveryOtherIsDeleted_ThenTheRestAreStillFoundByIdAndTheDeletedAreGone()
    {
        var result = await RunAsync($$"""
            const Store = require({{Js(Path.Combine(Persistence, "LokiExtentMetadataStore.js"))}}).default;
            (async () => {
                const store = new Store("extents-under-test", true);
                await store.init();
                for (let i = 0; i < 400; i++) {
                    await store.updateExtent({ id: "extent-" + i, locationId: "location-" + i, path: "p" + i, size: i, lastModifiedInMS: i });
                }
                for (let i = 0; i < 400; i += 2) {
                    await store.deleteExtent("extent-" + i);
                }
                await store.deleteExtent("extent-that-never-was");
                const [left] = await store.listExtents(undefined, 1000);
                const found = [];
                for (let i = 1; i < 400; i += 2) {
                    found.push(await store.getExtentLocationId("extent-" + i));
                }
                const coll = store.db.getCollection(store.EXTENTS_COLLECTION);
                console.log(JSON.stringify({ left: left.length, found, deletedStillThere: coll.find({ id: "extent-10" }).length }));
            })().catch((error) => { console.error(error); process.exit(1); });
            """);

        Assert.Equal(200, result.GetProperty("left").GetInt32());
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"location-{i * 2 + 1}"), result.GetProperty("found").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(0, result.GetProperty("deletedStillThere").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(600)]
    public async Task GivenACollectionWithBinaryIndices_WhenTheRemovalHelperRemovesSomeDocuments_ThenTheIndicesFindExactlyTheOthers(int removed)
    {
        var result = await RunAsync($$"""
            const Loki = require("lokijs");
            const { findAndRemove, BATCH_REMOVAL_THRESHOLD } = require({{Js(Path.Combine(Persistence, "LokiRemoval.js"))}});
            const db = new Loki("removal-under-test", { persistenceMethod: "memory" });
            const coll = db.addCollection("messages", { indices: ["accountName", "queueName", "messageId"] });
            for (let i = 0; i < 1000; i++) {
                coll.insert({ accountName: "devstoreaccount1", queueName: i < {{removed}} ? "doomed" : "kept-" + (i % 7), messageId: "m" + i });
            }
            findAndRemove(coll, { queueName: "doomed", accountName: "devstoreaccount1" });
            const byIndex = [];
            for (let q = 0; q < 7; q++) {
                byIndex.push(...coll.find({ queueName: "kept-" + q }).map((doc) => doc.messageId));
            }
            const scanned = coll.data.map((doc) => doc.messageId);
            console.log(JSON.stringify({
                threshold: BATCH_REMOVAL_THRESHOLD,
                count: coll.count(),
                byIndex: byIndex.sort(),
                scanned: scanned.sort(),
                oneById: coll.findOne({ messageId: "m999" }).queueName,
            }));
            """);

        var kept = Enumerable.Range(removed, 1000 - removed).Select(i => $"m{i}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(1000 - removed, result.GetProperty("count").GetInt32());
        Assert.Equal(kept, result.GetProperty("byIndex").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(kept, result.GetProperty("scanned").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal($"kept-{999 % 7}", result.GetProperty("oneById").GetString());
        // 600 documents take the batch path, 3 the one-by-one path: both are covered.
        Assert.InRange(result.GetProperty("threshold").GetInt32(), 4, 600);
    }

    private static string Js(string path) => JsonSerializer.Serialize(path);

    private static async Task<JsonElement> RunAsync(string script)
    {
        await AzuriteLauncher.EnsureInstalledAsync(ToolDirectory, CancellationToken.None);
        var file = Path.Combine(Path.GetTempPath(), $"dunning-azurite-{Guid.NewGuid():N}.cjs");
        await File.WriteAllTextAsync(file, script);
        try
        {
            // Run from tools/azurite so require("lokijs") finds the pinned one.
            var start = new ProcessStartInfo("node", [file])
            {
                WorkingDirectory = ToolDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["NODE_PATH"] = Path.Combine(ToolDirectory, "node_modules") },
            };
            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, await stderr);
            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
