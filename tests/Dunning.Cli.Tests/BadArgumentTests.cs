namespace Dunning.Cli.Tests;

public sealed class BadArgumentTests
{
    public static TheoryData<string[], string> Mistakes => new()
    {
        { [], "no command given" },
        { ["simulte"], "unknown command 'simulte'" },
        { ["simulate", "--amount", "12000", "--currency", "CNY", "--tz", "Asia/Shanghai"], "missing --due" },
        { ["simulate", "--due", "2026-11-20", "--currency", "CNY", "--tz", "Asia/Shanghai"], "missing --amount" },
        { [.. CliRun.IssueExample[..2], "20/11/2026", .. CliRun.IssueExample[3..]], "--due: '20/11/2026' is not a date" },
        { [.. CliRun.IssueExample, "--colour"], "unknown option '--colour'" },
        { [.. CliRun.IssueExample, "stray"], "unexpected argument 'stray'" },
        { [.. CliRun.IssueExample, "--due", "2026-11-21"], "--due is given more than once" },
        { [.. CliRun.IssueExample, "--pay"], "--pay needs a value" },
        { [.. CliRun.IssueExample, "--json=yes"], "--json is a switch" },
        { ["simulate", "--due", "2026-11-20", "--amount", "-5", "--currency", "CNY", "--tz", "Asia/Shanghai"], "--amount: '-5' is not an amount" },
        { ["simulate", "--due", "2026-11-20", "--amount", "0", "--currency", "CNY", "--tz", "Asia/Shanghai"], "must be positive" },
        { ["simulate", "--due", "2026-11-20", "--amount", "10.001", "--currency", "CNY", "--tz", "Asia/Shanghai"], "CNY has 2 decimal place(s)" },
        { ["simulate", "--due", "2026-11-20", "--amount", "12000", "--currency", "RMB", "--tz", "Asia/Shanghai"], "'RMB' is not an ISO 4217 currency" },
        { ["simulate", "--due", "2026-11-20", "--amount", "12000", "--currency", "CNY", "--tz", "Asia/Beijing"], "'Asia/Beijing' is not a known IANA time zone" },
        { [.. CliRun.IssueExample, "--pay", "2026-11-25"], "--pay: '2026-11-25' does not have the form date:amount" },
        { [.. CliRun.IssueExample, "--promise", "2026-11-24:3000"], "does not have the form recordedDate:amount@promiseDate" },
        { [.. CliRun.IssueExample, "--promise", "2026-11-24:3000@2026-11-20"], "the promised date comes before" },
        { [.. CliRun.IssueExample, "--classify", "Stubborn@2026-11-22"], "'Stubborn' is not a debtor type" },
        { [.. CliRun.IssueExample, "--pause", "2026-11-26..2026-11-23"], "the last day comes before the first" },
        { [.. CliRun.IssueExample, "--pause", "2026-11-23"], "is not a range" },
        { [.. CliRun.IssueExample, "--days", "ten"], "--days: 'ten' is not a whole number" },
        { [.. CliRun.IssueExample, "--pay", "2026-11-05:100"], "before the case opens at 2026-11-10 10:00 +08:00" },
        { [.. CliRun.IssueExample, "--open", "2027-03-01"], "after the simulated period ends" },
        { [.. CliRun.IssueExample, "--phone", "", "--email", ""], "the case cannot be opened: The debtor needs at least one contact channel" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void GivenABadCommandLine_WhenRun_ThenItExitsTwoWithAClearMessageAndNoTrace(string[] args, string message)
    {
        var run = CliRun.Of(args);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("dunning: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void GivenHelp_WhenRun_ThenTheUsageGoesToStdoutAndItExitsZero(string help)
    {
        var run = CliRun.Of(help);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("dunning simulate --due DATE --amount N --currency CODE --tz ZONE", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--promise DATE:AMOUNT@BY", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void GivenOptionsInEqualsFormAndLowerCaseCurrency_WhenRun_ThenTheyAreUnderstood()
    {
        var run = CliRun.Of("simulate", "--due=2026-11-20", "--amount=12000.50", "--currency=cny", "--tz=Asia/Shanghai", "--json");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("12000.50 CNY due 2026-11-20", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenADebtorOutsideAsia_WhenOpened_ThenTheLocaleIsEnglishAndTimesCarryTheirOffset()
    {
        var run = CliRun.Of("simulate", "--due", "2026-11-20", "--amount", "900", "--currency", "USD", "--tz", "America/New_York", "--json");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("locale en-US", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"at\": \"2026-11-17T09:00:00-05:00\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoAddress_WhenTheFieldVisitStepComes_ThenTheVisitIsSkippedForACall()
    {
        var run = CliRun.Example("--json", "--address", "");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("visit skipped: no address for a visit", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("VisitScheduled", run.Stdout, StringComparison.Ordinal);
    }
}
