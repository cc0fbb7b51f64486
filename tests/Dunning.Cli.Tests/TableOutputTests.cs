namespace Dunning.Cli.Tests;

public sealed class TableOutputTests
{
    [Fact]
    public void GivenTheExample_WhenRenderedAsATable_ThenEachStepShowsItsLocalTimeWeekdayAndChannel()
    {
        var run = CliRun.Example();

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var sms = Assert.Single(run.Stdout.Split('\n'), line => line.Contains("2026-11-17 09:00 +08:00", StringComparison.Ordinal)
            && line.Contains("SmsSent", StringComparison.Ordinal));
        Assert.Contains("Tue", sms, StringComparison.Ordinal);
        Assert.Contains("pre-due-reminder", sms, StringComparison.Ordinal);
        Assert.Contains("sms", sms, StringComparison.Ordinal);
        Assert.Contains("2026-12-20 09:00 +08:00", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("CaseHandedToLegal", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ended HandedToLegal", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoVerbose_WhenRenderedAsATable_ThenTimerRowsAreHidden()
    {
        Assert.DoesNotContain("TimerArmed", CliRun.Example().Stdout, StringComparison.Ordinal);
        Assert.Contains("TimerArmed", CliRun.Example("--verbose").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPaymentInFull_WhenRenderedAsATable_ThenTheSummarySaysClosedAndPaid()
    {
        var run = CliRun.Example("--pay", "2026-11-25:12000");

        Assert.Contains("Ended Closed (PaidInFull)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("outstanding 0.00 CNY, recovered 12000.00 CNY", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("demand-notice", run.Stdout, StringComparison.Ordinal);
    }
}
