using System.Text.Json;
using Dunning.Endpoints.Cases;
using Dunning.Domain;

namespace Dunning.Endpoints.Campaigns;

/// <summary>Reads a campaign sent as a JSON array of case requests. Each element is read on its own, so one of the
/// wrong shape is reported by its position (1-based, as "line") and the others still count.</summary>
public static class JsonCampaignReader
{
    public static CampaignFile Read(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            return Problem($"The body is not valid JSON (line {ex.LineNumber + 1}): send an array of case requests.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Problem("Send a JSON array of case requests, or a CSV file with Content-Type: text/csv.");
            }

            var rows = new List<CampaignRow>();
            var line = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                line++;
                try
                {
                    rows.Add(element.ValueKind == JsonValueKind.Object && element.Deserialize<CaseRequest>(DomainJson.Options) is { } request
                        ? new CampaignRow(line, request, null)
                        : new CampaignRow(line, null, "Each element must be a case request object."));
                }
                catch (JsonException ex)
                {
                    rows.Add(new CampaignRow(line, null, $"The value at {ex.Path} has the wrong type."));
                }
            }

            return new CampaignFile(rows, null);
        }
    }

    private static CampaignFile Problem(string message) =>
        new([], new Dictionary<string, string[]> { ["body"] = [message] });
}
