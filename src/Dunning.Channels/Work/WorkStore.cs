using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Channels.Hosting;
using Dunning.Domain;

namespace Dunning.Channels.Work;

/// <summary>The work-items table: PartitionKey the kind (Call, Visit), RowKey the item id, the item as JSON plus the
/// columns queries filter on (Status, CaseId). Creation is insert-only and every change is conditional on the ETag.</summary>
public sealed class WorkStore(ChannelStorage storage)
{
    private readonly TableClient _table = storage.WorkItems;

    /// <summary>Adds <paramref name="item"/>, or returns the item already stored under its id (a repeated effect).</summary>
    public async Task<WorkItem> CreateAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await _table.AddEntityAsync(ToEntity(item), cancellationToken).ConfigureAwait(false);
            return item with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(item.Kind, item.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Work item {item.Id} exists and cannot be read.", ex);
        }
    }

    public async Task<WorkItem?> GetAsync(WorkItemKind kind, string id, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(kind.ToString(), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Items of a kind, optionally of one status, earliest first.</summary>
    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkItemKind kind, WorkItemStatus? status = null, CancellationToken cancellationToken = default)
    {
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {kind.ToString()} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {kind.ToString()}");
        return await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All the case's call tasks and visits, whatever their status, earliest first.</summary>
    public Task<IReadOnlyList<WorkItem>> ListForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"CaseId eq {caseId}"), cancellationToken);

    /// <summary>The case's call tasks and visits that are still open.</summary>
    public Task<IReadOnlyList<WorkItem>> ListOpenForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"CaseId eq {caseId} and (Status eq {nameof(WorkItemStatus.Open)} or Status eq {nameof(WorkItemStatus.Scheduled)})"), cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the stored item and writes it back if the item did not change in
    /// between (ETag); on a conflict it reloads and applies the change again (<see cref="ChannelRetries.ConcurrentUpdates"/>).
    /// <paramref name="change"/> returns null to leave the item as it is. Null when there is no such item.</summary>
    public async Task<WorkItem?> UpdateAsync(WorkItemKind kind, string id, Func<WorkItem, WorkItem?> change, CancellationToken cancellationToken = default) =>
        await ChannelRetries.ConcurrentUpdates.ExecuteAsync(async token =>
        {
            if (await GetAsync(kind, id, token).ConfigureAwait(false) is not { } current)
            {
                return null;
            }

            if (change(current) is not { } changed)
            {
                return current;
            }

            var response = await _table.UpdateEntityAsync(ToEntity(changed), current.ETag, TableUpdateMode.Replace, token).ConfigureAwait(false);
            return changed with { ETag = response.Headers.ETag ?? default };
        }, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<WorkItem>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<WorkItem>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(FromEntity(entity));
        }

        return items.OrderBy(i => i.NotBefore).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    private static TableEntity ToEntity(WorkItem item) => new(item.Kind.ToString(), item.Id)
    {
        ["Status"] = item.Status.ToString(),
        ["CaseId"] = item.CaseId,
        ["Json"] = JsonSerializer.Serialize(item, DomainJson.Options),
    };

    private static WorkItem FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<WorkItem>(entity.GetString("Json"), DomainJson.Options)! with { ETag = entity.ETag };
}
