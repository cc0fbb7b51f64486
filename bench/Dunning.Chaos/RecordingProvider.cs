using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>The fake SMS and e-mail provider every worker calls: like a real one it is idempotent by key (a repeated key
/// sends nothing new), and it records every call in a table shared by all workers, a row per key sent and a row per
/// repeat, with a hash of what it was asked to send. It talks to storage without the fault policy: it stands for an
/// outside service, not for the runtime's own requests.</summary>
public sealed class RecordingProvider(TableClient sends) : IEffectHandler
{
    public static string TableName(string prefix) => new string(prefix.Where(char.IsLetterOrDigit).ToArray()) + "Provider";

    public bool CanHandle(CaseEffect effect) => effect is SendSms or SendEmail;

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default)
    {
        var (contactId, step) = context.Effect switch
        {
            SendSms sms => (sms.ContactId, sms.Step),
            SendEmail email => (email.ContactId, email.Step),
            _ => throw new InvalidOperationException($"The provider sends SMS and e-mail, not {context.Effect.Kind}."),
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(context.Effect, DomainJson.Options))));
        var sent = new TableEntity(context.CaseId, context.IdempotencyKey)
        {
            ["Kind"] = context.Effect.Kind,
            ["ContactId"] = contactId,
            ["Step"] = step,
            ["Hash"] = hash,
            ["At"] = context.Now,
        };
        try
        {
            await sends.AddEntityAsync(sent, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The key was sent before: a real provider answers as it did then and sends nothing. Kept to be counted.
            sent.RowKey = $"{context.IdempotencyKey}~{Guid.NewGuid():N}";
            sent["Repeat"] = true;
            await sends.AddEntityAsync(sent, cancellationToken).ConfigureAwait(false);
        }

        return EffectOutcome.Done;
    }
}
