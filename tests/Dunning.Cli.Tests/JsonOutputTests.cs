using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dunning.Cli.Tests;

public sealed partial class JsonOutputTests
{
    private static readonly string[] Fields = ["at", "type", "step", "channel", "detail"];

    private static readonly string?[] Channels = ["sms", "email", "call", "visit", "notice", "legal", null];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex IsoWithOffset();

    [GeneratedRegex(@"\bt\d+\b")]
    private static partial Regex TimerToken();

    private static List<JsonElement> Rows(CliRun run)
    {
        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return document.RootElement.EnumerateArray().Select(row => row.Clone()).ToList();
    }

    private static string? Text(JsonElement row, string field) =>
        row.GetProperty(field) is { ValueKind: JsonValueKind.Null } ? null : row.GetProperty(field).GetString();

    [Fact]
    public void GivenJson_WhenTheExampleRuns_ThenStdoutIsOnlyAnArrayOfRowsWithTheFiveFields()
    {
        var rows = Rows(CliRun.Example("--json"));

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Equal(JsonValueKind.Object, row.ValueKind);
            Assert.Equal(Fields, row.EnumerateObject().Select(property => property.Name));
            Assert.Matches(IsoWithOffset(), row.GetProperty("at").GetString());
            Assert.EndsWith("+08:00", row.GetProperty("at").GetString(), StringComparison.Ordinal);
            Assert.Contains(Text(row, "channel"), Channels);
        });
        Assert.Equal("2026-11-10T10:00:00+08:00", Text(rows[0], "at"));
        Assert.Equal("CaseOpened", Text(rows[0], "type"));
        Assert.Null(Text(rows[0], "step"));
    }

    [Fact]
    public void GivenJson_WhenTheLadderRuns_ThenEachEventTypeHasItsChannel()
    {
        var rows = Rows(CliRun.Example("--json"));

        string? ChannelOf(string type) => Text(rows.First(row => Text(row, "type") == type), "channel");
        Assert.Equal("sms", ChannelOf("SmsSent"));
        Assert.Equal("email", ChannelOf("EmailSent"));
        Assert.Equal("call", ChannelOf("CallTaskCreated"));
        Assert.Equal("visit", ChannelOf("VisitScheduled"));
        Assert.Equal("notice", ChannelOf("NoticeIssued"));
        Assert.Equal("legal", ChannelOf("CaseHandedToLegal"));
        Assert.Null(ChannelOf("SupervisorReportRequested"));
        Assert.Null(ChannelOf("StepReached"));

        var first = rows.First(row => Text(row, "type") == "SmsSent");
        Assert.Equal("2026-11-17T09:00:00+08:00", Text(first, "at"));
        Assert.Equal("pre-due-reminder", Text(first, "step"));
    }

    [Fact]
    public void GivenJson_WhenAContactIsDeferred_ThenTheRowCarriesTheChannelOfItsActionAndWhereItWent()
    {
        var rows = Rows(CliRun.Example("--json", "--classify", "UnwillingAble@2026-11-22"));

        var deferred = Assert.Single(rows, row => Text(row, "type") == "ContactDeferred");
        Assert.Equal("visit", Text(deferred, "channel"));
        Assert.Equal("field-visit", Text(deferred, "step"));
        Assert.Equal("2026-11-22T12:00:00+08:00", Text(deferred, "at"));
        Assert.Contains("until 2026-11-23 09:00 +08:00", Text(deferred, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenJson_WhenAPaymentIsScripted_ThenItsRowShowsAmountAndOutstanding()
    {
        var rows = Rows(CliRun.Example("--json", "--pay", "2026-11-25:5000"));

        var payment = Assert.Single(rows, row => Text(row, "type") == "PaymentApplied");
        Assert.Equal("2026-11-25T12:00:00+08:00", Text(payment, "at"));
        Assert.Equal("paid 5000.00 CNY, outstanding 7000.00 CNY", Text(payment, "detail"));
        Assert.Null(Text(payment, "channel"));
    }

    [Fact]
    public void GivenJsonWithoutVerbose_WhenRendered_ThenTimerRowsAreLeftOut()
    {
        var rows = Rows(CliRun.Example("--json"));

        Assert.DoesNotContain(rows, row => Text(row, "type") == "TimerArmed");
    }

    [Fact]
    public void GivenJsonWithVerbose_WhenRendered_ThenTimerRowsAppearWithoutTheirTokens()
    {
        var rows = Rows(CliRun.Example("--json", "--verbose"));

        var timers = rows.Where(row => Text(row, "type") == "TimerArmed").ToList();
        Assert.NotEmpty(timers);
        Assert.All(timers, timer =>
        {
            Assert.Equal(Fields, timer.EnumerateObject().Select(property => property.Name));
            Assert.DoesNotMatch(TimerToken(), Text(timer, "detail"));
        });
        Assert.Equal("next wake-up 2026-11-17 09:00 +08:00", Text(timers[0], "detail"));
    }
}
