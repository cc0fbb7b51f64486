using Dunning.Domain;
using Dunning.Channels.Templates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Hosting;

/// <summary>At start, renders every policy's SMS steps in every shipped locale and warns about texts longer than one
/// segment (they cost more and may arrive split), so an operator sees it before the first reminder goes out.</summary>
public sealed class TemplateLintReport(PolicyCatalog policies, MessageRenderer renderer, ILogger<TemplateLintReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var policy in policies.All)
        {
            foreach (var warning in TemplateLint.Check(policy, renderer))
            {
                ChannelsLog.SmsTemplateTooLong(logger, policy.Id, policy.Version, warning);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
