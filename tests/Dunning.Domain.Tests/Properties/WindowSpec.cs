using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>A contact window as a generated policy writes it: local hours and, optionally, the weekdays.</summary>
public sealed record WindowSpec(TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek>? Days = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["start"] = Clock(Start), ["end"] = Clock(End) };
        if (Days is not null)
        {
            json["days"] = new JsonArray(Days.Select(day => (JsonNode)day.ToString()).ToArray());
        }

        return json;
    }

    public override string ToString() =>
        $"{Clock(Start)}-{Clock(End)}" + (Days is null ? "" : " " + string.Join(",", Days.Select(day => day.ToString()[..2])));

    internal static string Clock(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
