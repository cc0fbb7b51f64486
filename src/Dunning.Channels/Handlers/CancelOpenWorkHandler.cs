using Dunning.Channels.Hosting;
using Dunning.Channels.Work;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>Cancels the case's call tasks and visits still open (it closed or went to legal). Running it again finds
/// nothing open and does nothing.</summary>
public sealed class CancelOpenWorkHandler(WorkStore store, ILogger<CancelOpenWorkHandler> logger) : EffectHandler<CancelOpenWork>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, CancelOpenWork effect, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        foreach (var item in await store.ListOpenForCaseAsync(context.CaseId, cancellationToken).ConfigureAwait(false))
        {
            var changed = false;
            await store.UpdateAsync(item.Kind, item.Id, current =>
            {
                changed = current.IsOpen;
                return current.IsOpen ? current with { Status = WorkItemStatus.Cancelled, CancelReason = effect.Why } : null;
            }, cancellationToken).ConfigureAwait(false);
            cancelled += changed ? 1 : 0;
        }

        ChannelsLog.WorkCancelled(logger, cancelled, context.CaseId, effect.Why);
        return EffectOutcome.Done;
    }
}
