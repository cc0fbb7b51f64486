using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Channels;

public sealed partial class MessageLog
{
    /// <summary>The case and contact a provider message id (SMS message id, e-mail operation id) belongs to.</summary>
    public async Task<MessageRoute?> FindRouteAsync(string providerMessageId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await tables.MessageIds.GetEntityIfExistsAsync<TableEntity>(TableKeys.ProviderId(providerMessageId), "",
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue
            ? new MessageRoute(row.Value!.GetString("CaseId"), row.Value.GetString("ContactId"), Enum.Parse<ContactChannel>(row.Value.GetString("Channel")))
            : null;
    }

    /// <summary>The cases that sent an SMS to <paramref name="phone"/> (any formatting of the same E.164 number).</summary>
    public async Task<IReadOnlyList<string>> CasesMessagedAtAsync(string phone, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Phone(phone);
        var cases = new List<string>();
        await foreach (var row in tables.Phones.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["CaseId"],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            cases.Add(row.GetString("CaseId"));
        }

        return cases;
    }

    private async Task IndexProviderIdAsync(string providerMessageId, MessageRoute route, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.ProviderId(providerMessageId), "")
        {
            ["CaseId"] = route.CaseId,
            ["ContactId"] = route.ContactId,
            ["Channel"] = route.Channel.ToString(),
        };
        await AddOnceAsync(tables.MessageIds, entity, cancellationToken).ConfigureAwait(false);
    }

    private async Task IndexPhoneAsync(string phone, string caseId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Phone(phone), TableKeys.Safe(caseId)) { ["CaseId"] = caseId };
        await AddOnceAsync(tables.Phones, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Index rows never change once written: an existing row (409) is the same fact.</summary>
    private static async Task AddOnceAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            // Written by an earlier attempt or another report: nothing to add.
        }
    }
}
