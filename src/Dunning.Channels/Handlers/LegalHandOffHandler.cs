using Dunning.Channels.Documents;
using Dunning.Channels.Hosting;
using Dunning.Channels.Legal;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>The legal hand-off: builds the dossier (debtor, contract, claim with its computation, the whole timeline,
/// the notices with their hashes), stores it once, notifies the legal endpoint with a signed webhook (once: the blob
/// carries a mark when legal has acknowledged it) and records the dossier's hash in the case history.</summary>
public sealed class LegalHandOffHandler(
    LegalDossierBuilder builder,
    DocumentStore documents,
    LegalNotifier notifier,
    ILogger<LegalHandOffHandler> logger) : EffectHandler<HandOffToLegal>
{
    private const string NotifiedMark = "legalnotifiedat";

    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, HandOffToLegal effect, CancellationToken cancellationToken)
    {
        var blobName = DocumentNames.LegalDossier(context.CaseId);
        // A dossier stored by an earlier attempt is the evidence legal may already hold: keep it, never rebuild it.
        var stored = await documents.ReadAsync(blobName, cancellationToken).ConfigureAwait(false) is { } existing
            ? new StoredDocument(documents.LocationOf(blobName), DocumentNames.Sha256Of(existing), existing, Created: false)
            : await documents.PutOnceAsync(blobName, await builder.BuildJsonAsync(context, effect, cancellationToken).ConfigureAwait(false),
                "application/json", context.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        ChannelsLog.DossierStored(logger, context.CaseId, stored.Location, stored.Sha256);

        if (!notifier.IsConfigured)
        {
            ChannelsLog.LegalNotConfigured(logger, context.CaseId);
        }
        else if (await documents.GetMarkAsync(blobName, NotifiedMark, cancellationToken).ConfigureAwait(false) is null)
        {
            var status = await notifier.NotifyAsync(context, effect, stored, cancellationToken).ConfigureAwait(false);
            await documents.SetMarkAsync(blobName, NotifiedMark, context.Now.ToString("O"), cancellationToken).ConfigureAwait(false);
            ChannelsLog.LegalNotified(logger, context.CaseId, status);
        }

        return new EffectOutcome([new RecordDocument(context.Now, DocumentKind.LegalDossier, null, stored.Location, stored.Sha256)]);
    }
}
