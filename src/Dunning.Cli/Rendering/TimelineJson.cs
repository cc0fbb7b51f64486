using System.Text.Encodings.Web;
using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>Writes a run as a JSON array for machines: one object per row with at (ISO 8601 with the debtor's offset),
/// type, step, channel and detail; absent values are null, never missing.</summary>
public static class TimelineJson
{
    // Relaxed escaping keeps '+' in offsets and non-ASCII text readable; the output goes to a pipe, never into HTML.
    private static readonly JsonSerializerOptions Options = new(DomainJson.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static void Write(SimulationResult result, bool verbose, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var rows = TimelineRows.From(result, verbose)
            .Select(row => new JsonRow(TimelineFormat.Iso(row.At), row.Type, row.Step, row.Channel, row.Detail))
            .ToList();
        writer.WriteLine(JsonSerializer.Serialize(rows, Options));
    }

    private sealed record JsonRow(string At, string Type, string? Step, string? Channel, string? Detail);
}
