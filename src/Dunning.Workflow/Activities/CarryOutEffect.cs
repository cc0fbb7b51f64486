using Dunning.Channels;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>Carries out one effect through the channel that claims it, under the effect's idempotency key. One class,
/// registered once per kind of effect under the effect's name (<c>SendSms</c>, <c>SendEmail</c>, ...), so each kind is its
/// own activity in the task hub and in monitoring.</summary>
public sealed class CarryOutEffect(IEnumerable<IEffectHandler> handlers, TimeProvider clock) : TaskActivity<EffectRequest, EffectResult>
{
    private readonly IReadOnlyList<IEffectHandler> _handlers = handlers.ToList();

    public override async Task<EffectResult> RunAsync(TaskActivityContext context, EffectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = WorkflowTelemetry.StartCaseWork(request.Effect.Kind, request.CaseId, request.TraceParent);
        span?.SetTag("dunning.effect_seq", request.Seq);
        var handler = _handlers.FirstOrDefault(h => h.CanHandle(request.Effect))
            ?? throw new InvalidOperationException($"No channel handles {request.Effect.Kind}.");
        var outcome = await handler.HandleAsync(new EffectContext(request.CaseId, request.Seq, request.Effect, clock.GetUtcNow())).ConfigureAwait(false);
        return new EffectResult(outcome.FollowUps);
    }
}
