using System.Text.Json;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>The local-development sink for effects no channel handles: stores each effect once per idempotency key in
/// the <c>Dispatched</c> table, so a developer (and the tests) can see exactly what would have gone out.</summary>
public sealed class CapturingEffectHandler(StorageClients storage) : IEffectHandler
{
    private readonly TableClient _table = storage.Tables.GetTableClient(storage.Names.Dispatched);

    public bool CanHandle(CaseEffect effect) => true;

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default)
    {
        await _table.UpsertEntityAsync(new TableEntity(context.CaseId, $"{context.OutboxSeq:D10}")
        {
            ["Kind"] = context.Effect.Kind,
            ["Key"] = context.IdempotencyKey,
            ["At"] = context.Now,
            ["Json"] = JsonSerializer.Serialize(context.Effect, DomainJson.Options),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return EffectOutcome.Done;
    }
}
