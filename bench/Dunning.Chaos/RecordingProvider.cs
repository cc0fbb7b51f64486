using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Channels;
using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>The one effect handler of every worker, standing for every channel: like a real provider it is idempotent by
/// key (a repeated key sends nothing new), and it records every call of every effect in a table shared by all workers, a
/// row per key sent and a row per repeat, with the effect's kind, its contact id (SMS, e-mail, call task, visit, notice)
/// and a hash of what it was asked to do. It talks to storage without the fault policy: it stands for an outside
/// service, not for Dunning's own requests.</summary>
public sealed class RecordingProvider(TableClient sends) : IEffectHandler
{
    public const string RepeatMark = "~";

    public static string TableName(string prefix) => new string(prefix.Where(char.IsLetterOrDigit).ToArray()) + "Provider";

    public bool CanHandle(CaseEffect effect) => true;

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(context.Effect, DomainJson.Options))));
        var sent = new TableEntity(context.CaseId, context.IdempotencyKey)
        {
            ["Kind"] = context.Effect.Kind,
            ["Seq"] = context.Seq,
            ["ContactId"] = ContactOf(context.Effect),
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
            sent.RowKey = $"{context.IdempotencyKey}{RepeatMark}{Guid.NewGuid():N}";
            sent["Repeat"] = true;
            await sends.AddEntityAsync(sent, cancellationToken).ConfigureAwait(false);
        }

        return EffectOutcome.Done;
    }

    /// <summary>The contact an effect makes with the debtor, if it makes one.</summary>
    public static string? ContactOf(CaseEffect effect) => effect switch
    {
        SendSms sms => sms.ContactId,
        SendEmail email => email.ContactId,
        CreateCallTask call => call.ContactId,
        ScheduleVisit visit => visit.ContactId,
        SendNotice notice => notice.ContactId,
        _ => null,
    };
}
