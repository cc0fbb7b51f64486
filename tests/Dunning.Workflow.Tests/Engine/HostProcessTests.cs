using System.Net.Http.Json;
using Azure.Data.Tables;
using Dunning.Channels.Storage.LocalEmulator;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>The real host as separate processes on one task hub, on a business clock they share (a day a second): one
/// killed outright mid-ladder and another started in its place; two sharing the work.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostProcessTests(AzuriteFixture storage)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    private static ClockOptions SharedClock() =>
        new() { Speed = 86_400, Start = Cases.Local(11, 16, 10), Epoch = DateTimeOffset.UtcNow };

    [Fact]
    public async Task GivenAHostKilledMidLadder_WhenAnotherStartsOnTheSameTaskHub_ThenEveryCaseFinishesWithEachContactSentOnce()
    {
        var prefix = storage.UniqueName("crash");
        var clock = SharedClock();
        var reader = new CaseReader(storage, prefix);
        var cases = new List<string>();
        await using (var first = await HostProcess.StartAsync(storage, prefix, clock))
        {
            // Due far enough ahead that a loaded machine still opens the cases before their pre-due step (D-3 at 09:00).
            var due = Cases.DueIn(BusinessNow(clock), 12);
            for (var i = 0; i < 4; i++)
            {
                cases.Add(await first.OpenAsync(Cases.NewAccount(), due));
            }

            await Wait.UntilAsync(async () => (await reader.Store.GetAsync(cases[0]))?.State.Stage == "first-overdue", Patience, "the first case to reach first-overdue");
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(storage, prefix, clock);
        foreach (var caseId in cases)
        {
            await Wait.UntilAsync(async () => (await reader.HistoryAsync(caseId)).OfType<DocumentStored>().Any(d => d.Kind == DocumentKind.LegalDossier),
                Patience, $"case {caseId} to be handed to legal with its dossier");
            await reader.AssertLadderRanOnceAsync(caseId);
        }
    }

    [Fact]
    public async Task GivenTwoHostsOnOneTaskHub_WhenCasesRun_ThenBothOwnPartitionsAndEveryCaseFinishesOnce()
    {
        var prefix = storage.UniqueName("pair");
        var clock = SharedClock();
        var reader = new CaseReader(storage, prefix);
        await using var a = await HostProcess.StartAsync(storage, prefix, clock, partitions: 4);
        await using var b = await HostProcess.StartAsync(storage, prefix, clock, partitions: 4);

        // The two hosts split the task hub's four partitions between them (leases are balanced every few seconds).
        var partitions = new TableClient(storage.ConnectionString, prefix + "Partitions");
        await Wait.UntilAsync(async () =>
        {
            var owners = new HashSet<string>();
            await foreach (var row in partitions.QueryAsync<TableEntity>())
            {
                owners.Add(row.GetString("CurrentOwner") ?? "");
            }

            return owners.SetEquals([a.WorkerId, b.WorkerId]);
        }, Patience, "both hosts to own partitions");

        // Opened all at once, each due far enough ahead on the shared timeline that its whole ladder lies ahead, even when a
        // loaded machine takes seconds (business days) to start the workflows: the pre-due step comes 17 days on.
        var cases = (await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? a : b).OpenAsync(Cases.NewAccount(), Cases.DueIn(BusinessNow(clock), 20))))).ToList();

        foreach (var caseId in cases)
        {
            await Wait.UntilAsync(async () => (await reader.HistoryAsync(caseId)).OfType<DocumentStored>().Any(d => d.Kind == DocumentKind.LegalDossier),
                Patience, $"case {caseId} to be handed to legal with its dossier");
            await reader.AssertLadderRanOnceAsync(caseId);
        }
    }

    [Fact]
    public async Task GivenTheHostsOwnAzuriteOnDisk_WhenTheHostIsKilledRightAfterOpeningCases_ThenAStartAgainFindsThemAndGoesOn()
    {
        // The run command's set-up: the host starts Azurite itself, its data in a folder (here a fresh one, on free ports).
        var data = Path.Combine(Path.GetTempPath(), "dunning-azurite-" + Guid.NewGuid().ToString("N"));
        var ports = Enumerable.Range(0, 3).Select(_ => HostProcess.FreePort()).ToArray();
        var connection = AzuriteConnectionString.Create(ports[0], ports[1], ports[2]);
        void OwnAzurite(IDictionary<string, string?> s)
        {
            s["Dunning:Storage:ConnectionString"] = connection;
            s["Dunning:Host:StartLocalEmulator"] = "true";
            s["Dunning:Host:AzuriteData"] = data;
        }

        var clock = new ClockOptions { Speed = 1, Start = Cases.Local(11, 16, 10) };
        var prefix = storage.UniqueName("disk");
        string first, second;
        try
        {
            await using (var host = await HostProcess.StartAsync(storage, prefix, clock, configure: OwnAzurite))
            {
                first = await host.OpenAsync(Cases.NewAccount(), Cases.Due);
                second = await host.OpenAsync(Cases.NewAccount(), Cases.Due);
                // The host alone killed at once, well inside Azurite's five-second autosave: only Azurite's own
                // shutdown, when it notices its parent is gone, can save these.
                await host.KillAsync(childrenToo: false);
            }

            await using var again = await HostProcess.StartAsync(storage, prefix, clock, configure: OwnAzurite);
            foreach (var caseId in new[] { first, second })
            {
                using var read = await again.Viewer.GetAsync($"/api/cases/{caseId}");
                Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
            }

            using var pause = await again.Supervisor.PostAsJsonAsync($"/api/cases/{second}/pause", new { reason = "checking the address" });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, pause.StatusCode);
            await Wait.UntilAsync(async () =>
            {
                using var read = await again.Viewer.GetAsync($"/api/cases/{second}");
                return (await read.Content.ReadAsStringAsync()).Contains("\"status\":\"Paused\"", StringComparison.Ordinal);
            }, Patience, "the restarted host's workflow to pause the case");
        }
        finally
        {
            // The host's Azurite stops with it (it notices its parent is gone); its folder goes with the test.
            await Wait.UntilAsync(async () => !await AzuriteLauncher.IsListeningAsync("127.0.0.1", ports[2], CancellationToken.None),
                TimeSpan.FromSeconds(30), "the host's Azurite to stop");
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Now on the hosts' shared timeline.</summary>
    private static DateTimeOffset BusinessNow(ClockOptions clock) => clock.Start!.Value + (DateTimeOffset.UtcNow - clock.Epoch!.Value) * clock.Speed;
}
