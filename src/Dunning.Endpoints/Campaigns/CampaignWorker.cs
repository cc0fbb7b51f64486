using Dunning.Endpoints.Logging;

namespace Dunning.Endpoints.Campaigns;

/// <summary>The local host's campaign loop: a pass of <see cref="CampaignStarts"/> at once when a campaign is stored, every
/// 250 ms while one is unfinished, and every 30 s otherwise (so a host that starts again picks up what it left).</summary>
public sealed class CampaignWorker(CampaignStarts starts, ILogger<CampaignWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var unfinished = 0;
            try
            {
                unfinished = await starts.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ApiLog.CampaignFailed(logger, ex, "(sweep)");
            }

            await starts.WaitForNoticeAsync(unfinished > 0 ? Recheck : Sweep, stoppingToken);
        }
    }
}
