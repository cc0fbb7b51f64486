using System.Diagnostics;
using Dunning.Channels.Storage.LocalEmulator;

namespace Dunning.Workflow.Tests;

/// <summary>
/// The patch tools/azurite/patches/apply.cjs makes to the pinned Azurite at install: in place after the launcher's
/// install, still fitting the pristine sources npm installed (so an Azurite upgrade fails loudly instead of dropping it),
/// and a changed patch makes the launcher reinstall.
/// </summary>
public sealed class AzuritePatchTests
{
    private static readonly string ToolDirectory = AzuriteLauncher.FindToolDirectory(AppContext.BaseDirectory);
    private static readonly string ApplyScript = Path.Combine(ToolDirectory, "patches", "apply.cjs");
    private static readonly string SourceDirectory = Path.Combine(ToolDirectory, "node_modules", "azurite", "dist", "src");
    private static readonly string[] PatchedFiles =
    [
        "common/persistence/LokiExtentMetadataStore.js",
        "queue/persistence/LokiQueueMetadataStore.js",
        "blob/persistence/LokiBlobMetadataStore.js",
        "table/persistence/LokiTableMetadataStore.js",
        "table/persistence/LokiTableStoreQueryGenerator.js",
    ];

    private static readonly string[] AddedFiles = ["common/persistence/LokiRemoval.js", "table/persistence/LokiEntityLookup.js"];

    [Fact]
    public async Task GivenTheLaunchersInstall_WhenThePatchIsChecked_ThenEveryEditIsInPlaceAndTheMarkerNamesThisPatch()
    {
        await AzuriteLauncher.EnsureInstalledAsync(ToolDirectory, CancellationToken.None);

        var check = await RunNodeAsync(ApplyScript, "--check");

        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("patch verified", check.Output, StringComparison.Ordinal);
        var marker = await File.ReadAllTextAsync(Path.Combine(ToolDirectory, "node_modules", AzuriteLauncher.PatchMarker));
        Assert.Equal(AzuriteLauncher.PatchHash(ToolDirectory), marker.Trim());
    }

    [Fact]
    public async Task GivenPristineSourcesAsNpmInstalledThem_WhenThePatchIsApplied_ThenItYieldsExactlyTheInstalledFiles()
    {
        await AzuriteLauncher.EnsureInstalledAsync(ToolDirectory, CancellationToken.None);
        using var copy = PristineCopy.Create();

        var apply = await RunNodeAsync(ApplyScript, "--root", copy.Root);

        Assert.True(apply.ExitCode == 0, apply.Output);
        foreach (var file in PatchedFiles.Concat(AddedFiles))
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(SourceDirectory, file)), await File.ReadAllTextAsync(copy.Source(file)));
        }
    }

    [Fact]
    public async Task GivenAnAzuriteWhoseCodeNoLongerHasAnEditsText_WhenThePatchIsApplied_ThenInstallFailsNamingItAndChangesNothing()
    {
        await AzuriteLauncher.EnsureInstalledAsync(ToolDirectory, CancellationToken.None);
        using var copy = PristineCopy.Create();
        var queueStore = copy.Source("queue/persistence/LokiQueueMetadataStore.js");
        // What an upstream refactoring of getMessages might look like: the batch update the patch replaces is gone.
        var upgraded = (await File.ReadAllTextAsync(queueStore)).Replace("        coll.update(docs);\n", "        coll.update(messages);\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(queueStore, upgraded);

        var apply = await RunNodeAsync(ApplyScript, "--root", copy.Root);

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("FAILED", apply.Output, StringComparison.Ordinal);
        Assert.Contains("queue/persistence/LokiQueueMetadataStore.js: \"dequeue updates its messages one by one", apply.Output, StringComparison.Ordinal);
        Assert.Equal(upgraded, await File.ReadAllTextAsync(queueStore));
        Assert.All(AddedFiles, file => Assert.False(File.Exists(copy.Source(file))));
        Assert.False(File.Exists(Path.Combine(copy.Root, "node_modules", AzuriteLauncher.PatchMarker)));
    }

    [Fact]
    public void GivenAnInstallWithThePatchApplied_WhenThePatchChanges_ThenTheLauncherNoLongerTakesItForInstalled()
    {
        var tools = Directory.CreateTempSubdirectory("dunning-azurite-tools-");
        try
        {
            File.WriteAllText(Path.Combine(tools.FullName, "package.json"), "{}");
            File.WriteAllText(Path.Combine(tools.FullName, "package-lock.json"), "{}");
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                var entry = Path.Combine(tools.FullName, "node_modules", "azurite", "dist", "src", service, "main.js");
                Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
                File.WriteAllText(entry, "");
            }

            File.WriteAllText(Path.Combine(tools.FullName, "node_modules", ".package-lock.json"), "{}");
            var patch = Path.Combine(Directory.CreateDirectory(Path.Combine(tools.FullName, "patches")).FullName, "azurite+3.37.0.cjs");
            File.WriteAllText(patch, "module.exports = { files: [] };\n");
            File.WriteAllText(Path.Combine(tools.FullName, "node_modules", AzuriteLauncher.PatchMarker), AzuriteLauncher.PatchHash(tools.FullName) + "\n");
            Assert.True(AzuriteLauncher.IsInstalled(tools.FullName));

            File.AppendAllText(patch, "// one more edit\n");

            Assert.False(AzuriteLauncher.IsInstalled(tools.FullName));
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, await stdout + await stderr);
    }

    /// <summary>A tools folder whose node_modules/azurite holds the patched files as npm installed them (apply.cjs keeps
    /// each pristine text beside the file it patched) and the package's manifest: what a clean npm ci leaves.</summary>
    private sealed class PristineCopy : IDisposable
    {
        private PristineCopy(string root) => Root = root;

        public string Root { get; }

        public static PristineCopy Create()
        {
            var copy = new PristineCopy(Directory.CreateTempSubdirectory("dunning-azurite-pristine-").FullName);
            var package = Path.Combine(copy.Root, "node_modules", "azurite");
            Directory.CreateDirectory(package);
            File.Copy(Path.Combine(ToolDirectory, "node_modules", "azurite", "package.json"), Path.Combine(package, "package.json"));
            foreach (var file in PatchedFiles)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(copy.Source(file))!);
                File.Copy(Path.Combine(SourceDirectory, file + ".dunning-orig"), copy.Source(file));
            }

            return copy;
        }

        public string Source(string relative) => Path.Combine(Root, "node_modules", "azurite", "dist", "src", relative);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
