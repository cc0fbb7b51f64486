using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Logging;
using Dunning.Endpoints.Routing;
using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Campaigns;

/// <summary>/api/campaigns: import many cases at once (operator) from CSV or a JSON array, and follow the progress.
/// Each row is validated alone; the campaign is stored whole before the 202, and a background worker opens it.</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.ImportCampaign, ImportAsync).Accepts<CaseRequest[]>("application/json", "text/csv", "application/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.Map(ApiRoutes.GetCampaign, ProgressAsync);
        return app;
    }

    public static async Task<Results<Accepted<CampaignProgress>, ProblemHttpResult>> ImportAsync(
        HttpContext http, CaseRequestValidator validator, CampaignStore store, CampaignStarts starts, VirtualClock clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        Func<byte[], CampaignFile>? reader = mediaType switch
        {
            "text/csv" or "application/csv" => CsvCampaignReader.Read,
            "application/json" => JsonCampaignReader.Read,
            _ => null,
        };
        if (reader is null)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported campaign format.",
                "Send the campaign as Content-Type: text/csv (with the header row) or application/json (an array of case requests).");
        }

        var (bytes, tooLarge) = await RequestBody.ReadBytesAsync(http, cancellationToken);
        if (bytes is null)
        {
            return tooLarge!;
        }

        var file = reader(bytes);
        if (file.FileErrors is { } fileErrors)
        {
            return Problems.Validation(fileErrors, "The file as a whole cannot be read; fix it and send it again.");
        }

        var campaignId = "cmp" + Guid.NewGuid().ToString("N")[..20];
        var now = clock.GetUtcNow();
        var by = CallerActor.Of(http.User);
        var rows = new List<StoredRow>();
        var errors = new List<CampaignError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            if (row.Request is null)
            {
                errors.Add(new CampaignError(row.Line, row.Unreadable ?? "The row cannot be read."));
                continue;
            }

            var rowErrors = new ValidationErrors();
            if (validator.Validate(row.Request, now, by, campaignId, rowErrors) is not { } command)
            {
                errors.Add(new CampaignError(row.Line, rowErrors.Summary()));
                continue;
            }

            // The same invoice twice in one file opens once; the second row is a duplicate from the start.
            var outcome = seen.Add(command.CaseId) ? StoredRow.New : StoredRow.Duplicate;
            rows.Add(new StoredRow(row.Line, command.CaseId, System.Text.Json.JsonSerializer.Serialize(command, DomainJson.Options), outcome, default));
        }

        await store.SaveAsync(campaignId, mediaType == "application/json" ? "json" : "csv", rows, errors, now, cancellationToken);
        ApiLog.CampaignStored(loggers.CreateLogger(typeof(CampaignsApi).FullName!), campaignId, rows.Count + errors.Count, errors.Count);
        starts.Notify(campaignId);
        var progress = new CampaignProgress(campaignId, rows.Count + errors.Count, 0, rows.Count(r => r.Outcome == StoredRow.Duplicate),
            errors.Count, false, errors, now, mediaType == "application/json" ? "json" : "csv");
        return TypedResults.Accepted($"/api/campaigns/{campaignId}", progress);
    }

    public static async Task<Results<Ok<CampaignProgress>, ProblemHttpResult>> ProgressAsync(
        string campaignId, CampaignStore store, ReadModelStore readModels, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(campaignId) || campaignId == "pending" || await store.GetAsync(campaignId, cancellationToken) is not { } meta)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Campaign not found.",
                $"No campaign has id '{campaignId}'. Campaign ids come from POST /api/campaigns (Location header).");
        }

        var opened = await readModels.CountCampaignOpenedAsync(campaignId, cancellationToken);
        var errors = await store.ListErrorsAsync(campaignId, cancellationToken);
        var done = meta.Done && opened + meta.Duplicates + meta.Failed >= meta.Total;
        return TypedResults.Ok(new CampaignProgress(campaignId, meta.Total, opened, meta.Duplicates, meta.Failed, done, errors,
            meta.CreatedAt, meta.Source));
    }
}
