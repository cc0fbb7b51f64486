using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Hosting;

/// <summary>Log messages of the channels, with stable event ids (42xx). Case, contact and item ids only: never a
/// phone number, an e-mail address, a postal address or a debtor's name.</summary>
internal static partial class ChannelsLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "SMS {ContactId} of case {CaseId} was rejected by the provider ({Error}); reporting the failed delivery")]
    public static partial void SmsRejected(ILogger logger, string caseId, string contactId, string? error);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "E-mail {ContactId} of case {CaseId} failed ({Status}: {Error}); reporting the failed delivery")]
    public static partial void EmailRejected(ILogger logger, string caseId, string contactId, string status, string? error);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "{Kind} work item {Id} created for case {CaseId}")]
    public static partial void WorkCreated(ILogger logger, string kind, string id, string caseId);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Cancelled {Count} open work item(s) of case {CaseId}: {Why}")]
    public static partial void WorkCancelled(ILogger logger, int count, string caseId, string why);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "{Kind} {ContactId} of case {CaseId} stored at {Location} (sha256 {Sha256})")]
    public static partial void DocumentStored(ILogger logger, string kind, string contactId, string caseId, string location, string sha256);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Notice {ContactId} of case {CaseId} has no postal address; it is not queued for print")]
    public static partial void NoPostalAddress(ILogger logger, string caseId, string contactId);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "The e-mail carrying notice {ContactId} of case {CaseId} failed ({Status}: {Error}); the letter still goes by post")]
    public static partial void NoticeEmailFailed(ILogger logger, string caseId, string contactId, string status, string? error);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Information, Message = "Legal dossier of case {CaseId} stored at {Location} (sha256 {Sha256})")]
    public static partial void DossierStored(ILogger logger, string caseId, string location, string sha256);

    [LoggerMessage(EventId = 4209, Level = LogLevel.Information, Message = "Legal endpoint not configured (Dunning:Legal:WebhookUrl); case {CaseId}'s dossier is stored but nobody was notified")]
    public static partial void LegalNotConfigured(ILogger logger, string caseId);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Legal endpoint notified of case {CaseId} (HTTP {Status})")]
    public static partial void LegalNotified(ILogger logger, string caseId, int status);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Field visit {Id} of case {CaseId} was not reported in time; supervisor alert raised")]
    public static partial void VisitNotReported(ILogger logger, string caseId, string id);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Error, Message = "Checking the scheduled visits failed; trying again at the next interval")]
    public static partial void VisitMonitorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Warning, Message = "Policy {PolicyId} v{PolicyVersion}: {Warning}")]
    public static partial void SmsTemplateTooLong(ILogger logger, string policyId, int policyVersion, string warning);
}
