using Dunning.Endpoints.Cases;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Endpoints.CaseViews;

/// <summary>Pages of the case index filtered beyond what the index query can do. A page is filled by reading the index
/// for exactly the rows still missing, so no matching row is ever skipped between pages; after
/// <see cref="MaxIndexReads"/> reads a page may come back short (even empty) with a token to go on from.</summary>
public sealed class CaseSearch(ReadModelStore readModels, PolicyCatalog policies)
{
    public const int MaxIndexReads = 20;

    public async Task<CaseListPage> SearchAsync(CaseSearchQuery query, string? storageToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = query.List;
        var items = new List<CaseResponse>();
        var token = storageToken;
        for (var read = 0; read < MaxIndexReads && items.Count < list.PageSize; read++)
        {
            var page = await readModels.ListAsync(list.Status, list.Stage, list.DueFrom, list.DueTo, list.PageSize - items.Count, token, cancellationToken);
            items.AddRange(page.Items.Select(e => CaseResponse.From(e, policies.Find(e.PolicyId, e.PolicyVersion), now)).Where(query.Matches));
            token = page.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return new CaseListPage(items, PageToken.Encode(token));
    }
}
