using Dunning.Channels.Hosting;
using Dunning.Channels.Work;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>Puts a collector's call task on the work list, open from the instant the domain chose inside the contact
/// window. The item's id comes from the case and contact, so a repeated effect finds the item it made.</summary>
public sealed class CallTaskHandler(WorkStore store, ILogger<CallTaskHandler> logger) : EffectHandler<CreateCallTask>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, CreateCallTask effect, CancellationToken cancellationToken)
    {
        LocalCalendar.TryFindZone(effect.Facts.TimeZone, out var zone);
        var item = WorkItems.From(context, effect.ContactId, effect.Step, effect.Facts, WorkItemKind.Call, effect.NotBefore,
            LocalCalendar.DateOf(effect.NotBefore, zone)) with { Phone = effect.Phone };
        var stored = await store.CreateAsync(item, cancellationToken).ConfigureAwait(false);
        ChannelsLog.WorkCreated(logger, nameof(WorkItemKind.Call), stored.Id, context.CaseId);
        return EffectOutcome.Done;
    }
}
