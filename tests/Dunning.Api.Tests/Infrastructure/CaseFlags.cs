using Microsoft.Extensions.DependencyInjection;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Api.Tests;

/// <summary>Flags a case the way its workflow does when a decision or an effect keeps failing: a commit of the stored
/// case with the flag set, read models included. The workflow, still holding the state row's old ETag, meets a conflict
/// on its next commit and adopts the flagged case.</summary>
public static class CaseFlags
{
    public static async Task FlagAsync(ApiHost api, string caseId, string reason)
    {
        var store = api.Get<CaseStore>();
        var snapshot = await store.GetAsync(caseId) ?? throw new InvalidOperationException($"No case {caseId}.");
        var request = new CommitRequest(caseId, snapshot.State.Version, snapshot.ETag, snapshot.State.Status, snapshot.State, [],
            snapshot.EffectSeq, reason, FlagChanged: true, Commands: [], api.Clock.GetUtcNow());
        var commit = ActivatorUtilities.CreateInstance<CommitDecision>(api.Services);
        var result = await commit.RunAsync(null!, request);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
    }
}
