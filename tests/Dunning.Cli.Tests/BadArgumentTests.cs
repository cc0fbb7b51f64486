namespace Dunning.Cli.Tests;

public sealed class BadArgumentTests
{
    public static TheoryData<string[], string> Mistakes => new()
    {
        { [], "Required command was not provided" },
        { ["simulte"], "Unrecognized command or argument 'simulte'" },
        { ["simulate", "--amount", "12000", "--currency", "CNY", "--tz", "Asia/Shanghai"], "Option '--due' is required" },
        { ["simulate", "--due", "2026-11-20", "--currency", "CNY", "--tz", "Asia/Shanghai"], "Option '--amount' is required" },
        { [.. CliRun.IssueExample[..2], "20/11/2026", .. CliRun.IssueExample[3..]], "--due: '20/11/2026' is not a date" },
        { [.. CliRun.IssueExample, "--colour"], "Unrecognized command or argument '--colour'" },
        { [.. CliRun.IssueExample, "stray"], "Unrecognized command or argument 'stray'" },
        { [.. CliRun.IssueExample, "--due", "2026-11-21"], "Option '--due' expects a single argument but 2 were provided" },
        { [.. CliRun.IssueExample, "--pay"], "Required argument missing for option: '--pay'" },
        { [.. CliRun.IssueExample, "--json=yes"], "Unrecognized command or argument 'yes'" },
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
    public void GivenHelp_WhenRun_ThenTheCommandsAndExitCodesGoToStdoutAndItExitsZero(string help)
    {
        var run = CliRun.Of(help);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("Usage:\n  dunning [command] [options]", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  simulate ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  import <FILE> ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 bad arguments or an invalid policy", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    public static TheoryData<string> SimulateOptions => new()
    {
        "--due <DATE> (REQUIRED)", "--amount <N> (REQUIRED)", "--currency <CODE> (REQUIRED)", "--tz <ZONE> (REQUIRED)", "--open <DATE>",
        "--policy <FILE>", "--phone <P>", "--email <E>", "--address <A>", "--days <N>", "--pay <DATE:AMOUNT>", "--promise <DATE:AMOUNT@BY>",
        "--classify <TYPE@DATE>", "--pause <FIRST..LAST>", "--json", "--verbose",
    };

    [Theory]
    [MemberData(nameof(SimulateOptions))]
    public void GivenSimulateHelp_WhenRun_ThenEveryOptionIsListedWithItsValueForm(string option)
    {
        var run = CliRun.Of("simulate", "--help");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains($"  {option} ", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void GivenHelpWithACommand_WhenRun_ThenThatCommandsHelpIsShown()
    {
        var run = CliRun.Of("help", "simulate");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal(CliRun.Of("simulate", "--help").Stdout, run.Stdout);
    }

    [Fact]
    public void GivenVersion_WhenRun_ThenTheToolsVersionGoesToStdoutAndItExitsZero()
    {
        var run = CliRun.Of("--version");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("simulate --currency CN", "CNY")]
    [InlineData("simulate --tz Asia/Sha", "Asia/Shanghai")]
    [InlineData("simulate --classify Unwilling", "UnwillingAble@")]
    [InlineData("simulate --pro", "--promise")]
    public void GivenTheShellsCompletionDirective_WhenRun_ThenItSuggestsTheWordBeingTyped(string typed, string suggestion)
    {
        var run = CliRun.Of($"[suggest:{typed.Length}]", typed);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains(suggestion, run.Stdout.Split('\n', StringSplitOptions.TrimEntries));
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
