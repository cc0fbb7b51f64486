using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

internal sealed partial class CaseLoop
{
    /// <summary>Carries out a decision's effects, each as the activity named after its kind, numbered from
    /// <paramref name="effectBase"/> + 1 (the numbers were committed with the decision, so a replay, a retry or another
    /// host uses the same keys). They are scheduled together, so their completions come back in one or a few episodes
    /// instead of one episode each; their follow-ups join the backlog in effect order, whatever order they end in, so the
    /// next decision is the same. An effect that fails past its retries is kept to retry.</summary>
    private async Task CarryOutAsync(IReadOnlyList<CaseEffect> effects, long effectBase, string? trace = null)
    {
        var requests = effects.Select((effect, i) => new EffectRequest(_caseId, effectBase + i + 1, effect, trace)).ToList();
        var calls = requests.Select(request => CallAsync<EffectResult>(request.Effect.Kind, request)).ToList();
        for (var i = 0; i < requests.Count; i++)
        {
            await CompleteAsync(requests[i], calls[i]);
        }
    }

    private async Task<bool> CarryOutAsync(EffectRequest request) =>
        await CompleteAsync(request, CallAsync<EffectResult>(request.Effect.Kind, request));

    private async Task<bool> CompleteAsync(EffectRequest request, Task<EffectResult> call)
    {
        try
        {
            var result = await call;
            _backlog.AddRange(result.FollowUps);
            return true;
        }
        catch (TaskFailedException ex)
        {
            WorkflowLog.EffectFailed(_log, ex, _caseId, request.Effect.Kind, request.Seq);
            if (!_undelivered.Exists(u => u.Seq == request.Seq))
            {
                _undelivered.Add(request);
                await FlagAsync($"{request.Effect.Kind} #{request.Seq} failed after retries ({ex.FailureDetails.ErrorMessage}); it is retried.", settled: null);
            }

            _retryDue = true;
            return false;
        }
    }

    /// <summary>Tries again, in order, the effects that failed past their retries (on a retry wake, so a channel that is
    /// down does not hold up the case's other work on every wake).</summary>
    private async Task RetryUndeliveredAsync()
    {
        foreach (var request in _undelivered.ToList())
        {
            if (!await CarryOutAsync(request))
            {
                return;
            }

            _undelivered.Remove(request);
        }
    }
}
