using System.Text.Json;

namespace Dunning.Domain;

/// <summary>Reads and validates a versioned escalation policy document (camelCase JSON). It never throws for bad
/// input: every mistake comes back as a <see cref="PolicyError"/> naming where it is, all of them in one pass.</summary>
public static partial class EscalationPolicyParser
{
    private static readonly string[] DocumentFields =
        ["id", "version", "contact", "promise", "plan", "penalty", "lateFee", "severity", "steps", "tracks"];

    public static PolicyParseResult Parse(string json)
    {
        if (json is null)
        {
            return Rejected(new PolicyError("$", "no policy document was given"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException malformed)
        {
            return Rejected(new PolicyError("$", Describe(malformed)));
        }
        catch (ArgumentException unencodable)
        {
            // A string holding a lone UTF-16 surrogate cannot become UTF-8 text at all.
            return Rejected(new PolicyError("$", $"not valid text: {unencodable.Message}"));
        }

        using (document)
        {
            var problems = new PolicyProblems();
            var policy = ReadPolicy(document.RootElement, problems);
            return new PolicyParseResult(problems.HasErrors ? null : policy, problems.Errors, problems.Warnings);
        }
    }

    private static EscalationPolicy? ReadPolicy(JsonElement root, PolicyProblems problems)
    {
        if (PolicyJsonObject.Read(root, path: "", problems, DocumentFields) is not { } document)
        {
            return null;
        }

        var id = document.RequiredString("id");
        if (id is not null && !PolicyNames.IsPolicyId(id))
        {
            problems.Error("id", "must be non-empty and use only a-z, 0-9 and '-'");
        }

        var version = document.RequiredInt("version", 1, int.MaxValue);
        var contact = ReadContact(document);
        var promise = ReadPromise(document);
        var plan = ReadPlan(document);
        var penalty = ReadPenalty(document);
        var lateFee = ReadLateFee(document);
        var severity = ReadSeverity(document);
        var steps = ReadSteps(document);
        var tracks = ReadTracks(document, steps);

        if (problems.HasErrors || id is null || version is not { } number || contact is null || promise is null
            || plan is null || severity is null || tracks is null)
        {
            return null;
        }

        return new EscalationPolicy(id, number, contact, promise, plan, penalty, lateFee, severity,
            steps.Select(step => step.Step!).ToList(), tracks);
    }

    /// <summary>System.Text.Json counts lines and bytes from zero; authors count from one.</summary>
    private static string Describe(JsonException malformed)
    {
        var reason = malformed.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return malformed.LineNumber is { } line && malformed.BytePositionInLine is { } position
            ? $"malformed JSON at line {line + 1}, position {position + 1}: {reason}"
            : $"malformed JSON: {reason}";
    }

    private static PolicyParseResult Rejected(PolicyError error) => new(null, [error], []);
}
