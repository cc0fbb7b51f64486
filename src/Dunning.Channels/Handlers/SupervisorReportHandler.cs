using System.Text;
using Dunning.Channels.Documents;
using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>Writes the internal supervisor report (the claim as of the step, the case's record of contacts and
/// promises), stores it once under a name derived from the effect's key and records its hash in the history.</summary>
public sealed class SupervisorReportHandler(
    MessageRenderer renderer,
    DocumentStore documents,
    ICaseRecords cases,
    ILogger<SupervisorReportHandler> logger) : EffectHandler<ReportToSupervisor>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, ReportToSupervisor effect, CancellationToken cancellationToken)
    {
        var state = await cases.GetStateAsync(context.CaseId, cancellationToken).ConfigureAwait(false);
        var html = renderer.RenderReport(effect, state);
        var stored = await documents.PutOnceAsync(DocumentNames.SupervisorReport(context.CaseId, context.Seq), Encoding.UTF8.GetBytes(html),
            "text/html; charset=utf-8", context.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        ChannelsLog.DocumentStored(logger, "supervisor-report", "-", context.CaseId, stored.Location, stored.Sha256);
        return new EffectOutcome([new RecordDocument(context.Now, DocumentKind.SupervisorReport, null, stored.Location, stored.Sha256)]);
    }
}
