using Dunning.Channels.Hosting;
using Dunning.Channels.Work;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>Schedules a field visit on the debtor's local date, in the working hours the domain already chose.</summary>
public sealed class VisitHandler(WorkStore store, ILogger<VisitHandler> logger) : EffectHandler<ScheduleVisit>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, ScheduleVisit effect, CancellationToken cancellationToken)
    {
        var item = WorkItems.From(context, effect.ContactId, effect.Step, effect.Facts, WorkItemKind.Visit, effect.NotBefore, effect.Date)
            with { Address = effect.Address };
        var stored = await store.CreateAsync(item, cancellationToken).ConfigureAwait(false);
        ChannelsLog.WorkCreated(logger, nameof(WorkItemKind.Visit), stored.Id, context.CaseId);
        return EffectOutcome.Done;
    }
}
