using System.Globalization;
using Spectre.Console;

namespace Dunning.Cli;

/// <summary>Follows a campaign until done: asks for its status every interval and shows how many rows are handled
/// (opened + duplicates + failed, out of total), as a live bar on a terminal or as a plain line whenever the count
/// moves elsewhere.</summary>
public static class CampaignProgressView
{
    public static Task<CampaignStatus> FollowAsync(ImportConsole output, CampaignStatus first, Func<CancellationToken, Task<CampaignStatus>> poll,
        TimeSpan interval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Live
            ? LiveAsync(output.Console, first, poll, interval, cancellationToken)
            : PlainAsync(output.Console, first, poll, interval, cancellationToken);
    }

    public static string Describe(CampaignStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return string.Create(CultureInfo.InvariantCulture,
            $"{status.Processed}/{status.Total} rows processed (opened {status.Opened}, duplicates {status.Duplicates}, failed {status.Failed})");
    }

    private static Task<CampaignStatus> LiveAsync(IAnsiConsole console, CampaignStatus first, Func<CancellationToken, Task<CampaignStatus>> poll,
        TimeSpan interval, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Describe(first)), maxValue: Math.Max(first.Total, 1));
                var status = first;
                while (true)
                {
                    // An empty campaign (header only) is done at once; a maximum of 1 keeps the bar's arithmetic sane.
                    task.MaxValue = Math.Max(status.Total, 1);
                    task.Value = status.Done ? task.MaxValue : status.Processed;
                    task.Description = Markup.Escape(Describe(status));
                    if (status.Done)
                    {
                        task.StopTask();
                        return status;
                    }

                    await Task.Delay(interval, cancellationToken);
                    status = await poll(cancellationToken);
                }
            });

    private static async Task<CampaignStatus> PlainAsync(IAnsiConsole console, CampaignStatus first, Func<CancellationToken, Task<CampaignStatus>> poll,
        TimeSpan interval, CancellationToken cancellationToken)
    {
        var status = first;
        int? shown = null;
        while (true)
        {
            // One line per change keeps a CI log short however long the service takes.
            if (status.Processed != shown || status.Done)
            {
                console.WriteLine(Describe(status) + (status.Done ? ": done" : ""));
                shown = status.Processed;
            }

            if (status.Done)
            {
                return status;
            }

            await Task.Delay(interval, cancellationToken);
            status = await poll(cancellationToken);
        }
    }
}
