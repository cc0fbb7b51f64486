using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>Policy documents for tests: the embedded default, or the default with one edit applied.</summary>
internal static class PolicyJson
{
    public static string Default { get; } = ReadEmbeddedDefault();

    /// <summary>The default document after <paramref name="edit"/>; steps are addressed as in the ladder table.</summary>
    public static string DefaultWith(Action<JsonObject> edit)
    {
        var document = JsonNode.Parse(Default)!.AsObject();
        edit(document);
        return document.ToJsonString();
    }

    public static JsonObject Step(JsonObject document, int index) => document["steps"]![index]!.AsObject();

    public static JsonObject Track(JsonObject document, string type) => document["tracks"]![type]!.AsObject();

    /// <summary>Parses and asserts that it failed with an error at exactly <paramref name="path"/> whose message
    /// contains <paramref name="message"/>.</summary>
    public static PolicyParseResult AssertRejected(string json, string path, string message)
    {
        var result = EscalationPolicyParser.Parse(json);

        Assert.Null(result.Policy);
        if (!result.Errors.Any(error => error.Path == path && error.Message.Contains(message, StringComparison.Ordinal)))
        {
            Assert.Fail($"No error at '{path}' saying '{message}'. Errors:\n{string.Join("\n", result.Errors)}");
        }

        return result;
    }

    private static string ReadEmbeddedDefault()
    {
        using var stream = typeof(EscalationPolicy).Assembly.GetManifestResourceStream("Dunning.Domain.Policies.default.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
