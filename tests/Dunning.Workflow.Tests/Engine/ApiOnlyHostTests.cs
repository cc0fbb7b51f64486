namespace Dunning.Workflow.Tests;

/// <summary>A host with <c>Dunning:Durable:RunWorker=false</c> serves the API beside hosts that run the workflows: it
/// starts case workflows through its sidecar, a worker host on the same task hub (the real host, as a process) runs them,
/// and it stops cleanly, though its backend was never started (only a worker's dispatcher starts it).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiOnlyHostTests(AzuriteFixture storage)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task GivenAnApiOnlyHostBesideAWorker_WhenItOpensACaseAndStops_ThenTheWorkerRunsTheCaseAndTheApiHostStopsCleanly()
    {
        var prefix = storage.UniqueName("apionly");
        var clock = new ClockOptions { Speed = 1, Start = Cases.Local(11, 16, 10), Epoch = DateTimeOffset.UtcNow };
        await using var worker = await HostProcess.StartAsync(storage, prefix, clock);
        var api = await WorkflowHost.LocalEngineAsync(storage, clock, prefix, settings => settings["Dunning:Durable:RunWorker"] = "false");
        try
        {
            var open = Cases.Open(Cases.NewAccount(), api.Clock.GetUtcNow());
            await api.Workflow.OpenAsync(open);
            await api.WaitForAsync(open.CaseId, _ => true, Patience, "the worker host to open the case");
        }
        finally
        {
            // Stopping it stopped a backend nobody had started, which threw (a NullReferenceException from DTFx).
            await api.DisposeAsync();
        }
    }
}
