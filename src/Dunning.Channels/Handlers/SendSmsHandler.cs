using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Handlers;

/// <summary>Renders the step's SMS in the debtor's locale and sends it under the effect's idempotency key (the provider
/// makes a repeat harmless). A send the provider refuses comes back to the case as a failed delivery, so the domain
/// falls back to e-mail; an exception (the provider unreachable) leaves the effect for redelivery.</summary>
public sealed class SendSmsHandler(MessageRenderer renderer, ISmsProvider sms, ILogger<SendSmsHandler> logger) : EffectHandler<SendSms>
{
    protected override async Task<EffectOutcome> HandleAsync(EffectContext context, SendSms effect, CancellationToken cancellationToken)
    {
        var body = renderer.RenderSms(effect.Facts, effect.Step);
        var receipt = await sms.SendAsync(new OutgoingSms(context.CaseId, effect.ContactId, context.IdempotencyKey, effect.To, body), cancellationToken)
            .ConfigureAwait(false);
        if (receipt.Accepted)
        {
            return EffectOutcome.Done;
        }

        ChannelsLog.SmsRejected(logger, context.CaseId, effect.ContactId, receipt.Error);
        return new EffectOutcome([new ReportDelivery(context.Now, effect.ContactId, ContactChannel.Sms, false, receipt.Error ?? "rejected by the SMS provider")]);
    }
}
