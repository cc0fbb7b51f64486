using System.Text.Json;
using System.Text.Json.Serialization;
using Dunning.Domain;

namespace Dunning.Endpoints.Http;

/// <summary>The JSON of the HTTP API: the domain's (camelCase, enums as strings, ISO dates) with money as the contract
/// spells it.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the same settings to the options minimal APIs serialize results with.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.AllowOutOfOrderMetadataProperties = true;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(DomainJson.Options);
        options.Converters.Insert(0, new MoneyJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
