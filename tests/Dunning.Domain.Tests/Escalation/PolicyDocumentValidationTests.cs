using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

/// <summary>Document-level rules: well-formed JSON, known property names, identity, and collecting every error.</summary>
public sealed class PolicyDocumentValidationTests
{
    [Fact]
    public void MalformedJson_IsOneError_WithLineAndPosition()
    {
        var result = EscalationPolicyParser.Parse("{\n  \"id\": \"default\",\n  \"version\": ,\n}");

        Assert.Null(result.Policy);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("malformed JSON at line 3, position 14:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    public void BrokenInput_IsReported_NotThrown(string json)
    {
        var error = Assert.Single(EscalationPolicyParser.Parse(json).Errors);

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullInput_IsReported_NotThrown()
    {
        var result = EscalationPolicyParser.Parse(null!);

        Assert.Equal("$", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void LoneSurrogate_IsReported_NotThrown() =>
        PolicyJson.AssertRejected("{\"id\": \"\uD800\"}", "$", "not valid text");

    [Property]
    public Property AnyText_IsAnswered_NeverThrown() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>()), text =>
            EscalationPolicyParser.Parse(text ?? "").Errors.Count > 0);

    [Property]
    public Property AnyTruncationOfTheDefault_IsRejected_WithErrors() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, PolicyJson.Default.Length - 2)), length =>
        {
            var result = EscalationPolicyParser.Parse(PolicyJson.Default[..length]);
            return result.Policy is null && result.Errors.Count > 0;
        });

    [Fact]
    public void NonObjectDocument_IsRejected_AtTheRoot() =>
        PolicyJson.AssertRejected("[1, 2]", "$", "must be an object");

    [Fact]
    public void UnknownRootProperty_IsAnError_NamingIt() =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d["stepz"] = new JsonArray()), "stepz", "unknown property");

    [Fact]
    public void MisspeltNestedProperty_IsAnError_NamingItsPath() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 5)["deadlineDay"] = 7),
            "steps[5] (demand-notice).deadlineDay",
            "unknown property");

    [Fact]
    public void RepeatedProperty_IsAnError() =>
        PolicyJson.AssertRejected(PolicyJson.Default.Replace("\"version\": 1,", "\"version\": 1, \"version\": 2,", StringComparison.Ordinal),
            "version", "appears more than once");

    [Theory]
    [InlineData("")]
    [InlineData("Default")]
    [InlineData("my policy")]
    [InlineData("déf")]
    public void PolicyId_MustBeLowerCaseLettersDigitsAndHyphens(string id) =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d["id"] = id), "id", "a-z, 0-9");

    [Fact]
    public void PolicyId_IsRequired() =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d.Remove("id")), "id", "is required");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Version_MustBeAtLeastOne(int version) =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d["version"] = version), "version", "between 1 and");

    [Fact]
    public void Version_MustBeWhole() =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d["version"] = 1.5), "version", "must be a whole number");

    [Fact]
    public void WrongValueKind_IsAnError_AtTheField() =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d["promise"] = "two days"), "promise", "must be an object");

    [Theory]
    [InlineData("contact")]
    [InlineData("promise")]
    [InlineData("plan")]
    [InlineData("severity")]
    [InlineData("steps")]
    public void RequiredSection_Missing_IsAnError(string section) =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => d.Remove(section)), section, "is required");

    [Fact]
    public void OptionalSections_MayBeLeftOut()
    {
        var json = PolicyJson.DefaultWith(d =>
        {
            d.Remove("penalty");
            d.Remove("lateFee");
            d.Remove("tracks");
        });

        var result = EscalationPolicyParser.Parse(json);

        Assert.Empty(result.Errors);
        Assert.Null(result.Policy!.Penalty);
        Assert.Null(result.Policy.LateFee);
        Assert.Same(TrackOverride.None, result.Policy.TrackFor(DebtorType.UnwillingAble));
    }

    [Fact]
    public void EveryError_IsCollected_NotJustTheFirst()
    {
        var json = PolicyJson.DefaultWith(d =>
        {
            d["id"] = "Bad Id";
            d["version"] = 0;
            d["contact"]!["window"]!["start"] = "8am";
            PolicyJson.Step(d, 2)["offsetDays"] = -5;
            PolicyJson.Step(d, 4)["actions"] = new JsonArray("fax");
            PolicyJson.Track(d, "UnwillingUnable")["jumpTo"] = "court";
            d["colour"] = "red";
        });

        var result = EscalationPolicyParser.Parse(json);

        Assert.Null(result.Policy);
        Assert.Equal(
            new[] { "colour", "id", "version", "contact.window.start", "steps[2] (first-overdue).offsetDays", "steps[4] (supervisor-report).actions[0]", "tracks.UnwillingUnable.jumpTo" }.Order(),
            result.Errors.Select(error => error.Path).Order());
    }
}
