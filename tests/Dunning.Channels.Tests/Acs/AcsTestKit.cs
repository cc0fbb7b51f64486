using Dunning.Channels.Acs;
using Dunning.Channels.Storage;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests.Acs;

/// <summary>Builds the ACS pieces against a fake server (and, where storage is needed, Azurite) with fast retries.</summary>
internal static class AcsTestKit
{
    public const string SenderPhone = "+18005550100";
    public const string SenderEmail = "DoNotReply@notices.example.com";

    public static AcsOptions FastOptions(int maxRetries = 3) => new()
    {
        SenderPhone = SenderPhone,
        SenderEmail = SenderEmail,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        EmailPollInterval = TimeSpan.FromMilliseconds(10),
        EmailMaxWait = TimeSpan.FromSeconds(10),
        SmsPerSecond = 0,
        EmailPerSecond = 0,
    };

    public static AcsSmsClient SmsClient(FakeAcsServer server, AcsOptions options, AcsClientOptions? clientOptions = null) =>
        new(AcsPipeline.Build(clientOptions ?? AcsPipeline.ClientOptions(options), server.Connection, TimeProvider.System), server.Endpoint);

    public static AcsEmailClient EmailClient(FakeAcsServer server, AcsOptions options) =>
        new(AcsPipeline.Build(AcsPipeline.ClientOptions(options), server.Connection, TimeProvider.System), server.Endpoint, options, TimeProvider.System);

    /// <summary>Fresh table clients over one prefix: a new instance per "process", the same tables underneath.</summary>
    public static ChannelTables Tables(AzuriteFixture storage, string prefix) =>
        new(new StorageAccount(new StorageOptions { ConnectionString = storage.ConnectionString, Prefix = prefix }, new RequestCounter()));

    /// <summary>An SMS provider as one process would hold it; <paramref name="realTime"/> stamps first attempts.</summary>
    public static AcsSmsProvider SmsProvider(FakeAcsServer server, ChannelTables tables, AcsOptions options, TimeProvider? realTime = null) =>
        new(SmsClient(server, options), new SendLog(tables, realTime ?? TimeProvider.System), new MessageLog(tables, TimeProvider.System),
            new AcsRateLimits(options), options, NullLogger<AcsSmsProvider>.Instance);

    public static AcsEmailProvider EmailProvider(FakeAcsServer server, ChannelTables tables, AcsOptions options) =>
        new(EmailClient(server, options), new SendLog(tables, TimeProvider.System), new MessageLog(tables, TimeProvider.System),
            new AcsRateLimits(options), options, NullLogger<AcsEmailProvider>.Instance);

    public static OutgoingSms Sms(string caseId, string contactId, string to = "+8613800138000", string? key = null) =>
        new(caseId, contactId, key ?? $"{caseId}:{contactId}", to, $"Case {caseId}: 1,250.00 CNY is overdue. Pay at https://pay.example.com. Reply TD to opt out.");

    public static OutgoingEmail Email(string caseId, string contactId, string to = "debtor@example.com") =>
        new(caseId, contactId, $"{caseId}:{contactId}", to, "Li Lei", "Your payment is overdue", "Please pay 1,250.00 CNY.",
            "<p>Please pay <b>1,250.00 CNY</b>.</p>", [new EmailAttachment("notice.html", "text/html", "<h1>Notice</h1>"u8.ToArray())]);
}
