using System.Text;
using Dunning.Channels.Documents;
using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>A written notice (demand notice or lawyer's letter): rendered to printable HTML, stored once in Blob
/// Storage as evidence, e-mailed as an attachment when the debtor has a usable address, queued for post when they
/// have a postal one, and its SHA-256 recorded in the case history. Every step is keyed by the effect, so a repeat
/// stores, sends and queues nothing new and reports the same document.</summary>
public sealed class NoticeHandler(
    MessageRenderer renderer,
    DocumentStore documents,
    PrintQueue print,
    IEmailProvider email,
    ILogger<NoticeHandler> logger) : EffectHandler<SendNotice>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, SendNotice effect, CancellationToken cancellationToken)
    {
        var kind = TemplateModel.NoticeName(effect.NoticeKind);
        var html = renderer.RenderNotice(effect);
        var stored = await documents.PutOnceAsync(DocumentNames.Notice(context.CaseId, effect.ContactId, kind), Encoding.UTF8.GetBytes(html),
            "text/html; charset=utf-8", context.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        ChannelsLog.DocumentStored(logger, kind, effect.ContactId, context.CaseId, stored.Location, stored.Sha256);

        if (!string.IsNullOrWhiteSpace(effect.Email))
        {
            var cover = renderer.RenderNoticeEmail(effect);
            // The attachment is the stored document itself, so what the debtor received matches the recorded hash.
            var receipt = await email.SendAsync(new OutgoingEmail(context.CaseId, effect.ContactId, context.IdempotencyKey, effect.Email,
                effect.Facts.DebtorName, cover.Subject, cover.PlainText, cover.Html,
                [new EmailAttachment($"{kind}.html", "text/html", stored.Content)]), cancellationToken).ConfigureAwait(false);
            if (!receipt.Succeeded)
            {
                ChannelsLog.NoticeEmailFailed(logger, context.CaseId, effect.ContactId, receipt.Status, receipt.Error);
            }
        }

        if (string.IsNullOrWhiteSpace(effect.Address))
        {
            ChannelsLog.NoPostalAddress(logger, context.CaseId, effect.ContactId);
        }
        else
        {
            await print.EnqueueOnceAsync(new PrintLetter(context.CaseId, effect.ContactId, kind, stored.Location, stored.Sha256,
                effect.Facts.DebtorName, effect.Address, context.IdempotencyKey, context.Now), cancellationToken).ConfigureAwait(false);
        }

        var documentKind = effect.NoticeKind == StepAction.LawyerLetter ? DocumentKind.LawyerLetter : DocumentKind.DemandNotice;
        return new EffectOutcome([new RecordDocument(context.Now, documentKind, effect.ContactId, stored.Location, stored.Sha256)]);
    }
}
