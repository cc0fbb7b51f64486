using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>Rules of the contact section: windows, visit days and channel caps.</summary>
public sealed class ContactValidationTests
{
    [Theory]
    [InlineData("window", "contact.window.start")]
    [InlineData("visitHours", "contact.visitHours.start")]
    public void WindowStartNotBeforeEnd_IsAnError(string window, string path) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]![window]!["start"] = "21:00"),
            path,
            "must be before end");

    [Fact]
    public void JurisdictionWindowStartAfterEnd_IsAnError_NamingTheJurisdiction() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]!["jurisdictions"]!["US"] = new JsonObject { ["start"] = "22:00", ["end"] = "08:00" }),
            "contact.jurisdictions.US.start",
            "must be before end (08:00), but is 22:00");

    [Fact]
    public void WindowTime_MustBeHHmm() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]!["window"]!["end"] = "9pm"),
            "contact.window.end",
            "HH:mm");

    [Fact]
    public void UnknownVisitDay_IsAnError_AtItsIndex() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]!["visitHours"]!["days"] = new JsonArray("Monday", "Funday")),
            "contact.visitHours.days[1]",
            "unknown day 'Funday'");

    [Fact]
    public void EmptyVisitDays_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]!["visitHours"]!["days"] = new JsonArray()),
            "contact.visitHours.days",
            "at least one day");

    [Fact]
    public void UnknownChannel_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]!["caps"]!["fax"] = new JsonObject { ["maxAttempts"] = 1, ["perDays"] = 1 }),
            "contact.caps.fax",
            "unknown channel");

    [Theory]
    [InlineData("maxAttempts", 0)]
    [InlineData("perDays", 0)]
    [InlineData("quietDaysAfterConversation", -1)]
    public void CapBelowItsMinimum_IsAnError(string field, int value) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["contact"]!["caps"]!["call"]![field] = value),
            $"contact.caps.call.{field}",
            "must be between");

    [Fact]
    public void QuietDays_DefaultToNone()
    {
        var policy = EscalationPolicyParser.Parse(PolicyJson.Default).Policy!;

        Assert.Equal(TimeSpan.Zero, policy.Contact.CapFor(ContactChannel.Sms)!.QuietAfterConversation);
    }
}
