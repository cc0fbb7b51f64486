using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Domain;

/// <summary>The one JSON shape of domain records everywhere (storage, HTTP, CLI): camelCase, enums as strings,
/// dates as ISO 8601.</summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
