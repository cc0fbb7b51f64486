namespace Dunning.Workflow.Tests;

/// <summary>One host on the real local engine (DTFx's Azure Storage backend on the collection's Azurite, served by the
/// sidecar) for a test class, on real time from a fixed start: a case waits days for its next step, so only the
/// commands a test sends change it. Its workflows continue as new every six activities.</summary>
public sealed class LocalEngineFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkflowHost? _host;

    public async Task<WorkflowHost> UseAsync(AzuriteFixture storage)
    {
        await _gate.WaitAsync();
        try
        {
            // Short generations: the commands of a burst straddle many ContinueAsNew boundaries, where events were seen lost.
            return _host ??= await WorkflowHost.LocalEngineAsync(storage, new ClockOptions { Speed = 1, Start = Cases.Local(11, 16, 10) },
                settings: s => s["Dunning:Workflow:ActivitiesPerGeneration"] = "6");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _gate.Dispose();
    }
}
