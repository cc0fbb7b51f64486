using System.Text.Json;

namespace Dunning.Api.Hosting;

/// <summary>Reads a local.settings.json in the Azure Functions format (<c>{ "Values": { "Dunning:Clock:Speed": "1" },
/// "ConnectionStrings": { ... } }</c>) into configuration, so one file serves both <c>dotnet run</c> and <c>func start</c>.</summary>
public sealed class LocalSettingsSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new LocalSettingsProvider(Path);

    private sealed class LocalSettingsProvider(string path) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var value in values.EnumerateObject())
                {
                    // Functions settings are flat; "__" is the environment-variable spelling of ":".
                    data[value.Name.Replace("__", ":", StringComparison.Ordinal)] = Text(value.Value);
                }
            }

            if (document.RootElement.TryGetProperty("ConnectionStrings", out var connections) && connections.ValueKind == JsonValueKind.Object)
            {
                foreach (var connection in connections.EnumerateObject())
                {
                    data["ConnectionStrings:" + connection.Name] = Text(connection.Value);
                }
            }

            Data = data;
        }

        private static string? Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }
}
