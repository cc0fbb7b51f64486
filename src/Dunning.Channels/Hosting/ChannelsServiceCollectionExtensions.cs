using Dunning.Channels.Documents;
using Dunning.Channels.Handlers;
using Dunning.Channels.Legal;
using Dunning.Channels.Templates;
using Dunning.Channels.Work;
using Dunning.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Channels.Hosting;

/// <summary>Composes the channels: message providers, templates, effect handlers, work items, documents, the legal
/// notifier and the visit monitor. The host registers what these use from the workflow: a <see cref="TimeProvider"/>,
/// the <see cref="PolicyCatalog"/>, <see cref="ICaseCommands"/> and <see cref="ICaseRecords"/>.</summary>
public static class ChannelsServiceCollectionExtensions
{
    public static IServiceCollection AddDunningChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMessageProviders(configuration);

        var options = configuration.GetSection(ChannelOptions.Section).Get<ChannelOptions>() ?? new ChannelOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton(configuration.GetSection(CreditorOptions.Section).Get<CreditorOptions>() ?? new CreditorOptions());
        services.TryAddSingleton(configuration.GetSection(LegalOptions.Section).Get<LegalOptions>() ?? new LegalOptions());
        services.TryAddSingleton(TemplateCatalog.Embedded);
        services.TryAddSingleton<MessageRenderer>();

        services.TryAddSingleton<ChannelStorage>();
        services.TryAddSingleton<DocumentStore>();
        services.TryAddSingleton<PrintQueue>();
        services.TryAddSingleton<WorkStore>();
        services.TryAddSingleton<FieldWork>();
        services.TryAddSingleton<LegalDossierBuilder>();
        // One long-lived client whose connections are recycled, so a DNS change of the legal endpoint is picked up.
        services.TryAddSingleton(sp => new LegalNotifier(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            sp.GetRequiredService<LegalOptions>(), WallClock.From(sp)));

        services.AddSingleton<IEffectHandler, SendSmsHandler>();
        services.AddSingleton<IEffectHandler, SendEmailHandler>();
        services.AddSingleton<IEffectHandler, CallTaskHandler>();
        services.AddSingleton<IEffectHandler, VisitHandler>();
        services.AddSingleton<IEffectHandler, NoticeHandler>();
        services.AddSingleton<IEffectHandler, SupervisorReportHandler>();
        services.AddSingleton<IEffectHandler, LegalHandOffHandler>();
        services.AddSingleton<IEffectHandler, CancelOpenWorkHandler>();

        services.AddHostedService<ChannelStorageInitializer>();
        services.AddHostedService<TemplateLintReport>();
        services.TryAddSingleton<VisitReportMonitor>();
        if (options.RunVisitMonitor)
        {
            services.AddHostedService(sp => sp.GetRequiredService<VisitReportMonitor>());
        }

        return services;
    }
}
