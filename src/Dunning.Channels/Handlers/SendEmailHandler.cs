using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>Renders the step's e-mail (subject, HTML, plain text) in the debtor's locale and sends it under the
/// effect's idempotency key. A failed send comes back to the case as a failed delivery, so the domain falls back to SMS.</summary>
public sealed class SendEmailHandler(MessageRenderer renderer, IEmailProvider email, ILogger<SendEmailHandler> logger) : EffectHandler<SendEmail>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, SendEmail effect, CancellationToken cancellationToken)
    {
        var rendered = renderer.RenderEmail(effect.Facts, effect.Step);
        var receipt = await email.SendAsync(new OutgoingEmail(context.CaseId, effect.ContactId, context.IdempotencyKey, effect.To,
            effect.Facts.DebtorName, rendered.Subject, rendered.PlainText, rendered.Html, []), cancellationToken).ConfigureAwait(false);
        if (receipt.Succeeded)
        {
            return EffectOutcome.Done;
        }

        ChannelsLog.EmailRejected(logger, context.CaseId, effect.ContactId, receipt.Status, receipt.Error);
        return new EffectOutcome([new ReportDelivery(context.Now, effect.ContactId, ContactChannel.Email, false,
            receipt.Error ?? $"e-mail {receipt.Status}")]);
    }
}
