using Microsoft.Extensions.Logging;

namespace Dunning.Runtime;

/// <summary>The runtime's log messages, with stable event ids. Case ids only: never a debtor's name, phone or e-mail.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Effect {Kind} of case {CaseId} (outbox {Seq}) failed; it stays for redelivery")]
    public static partial void EffectFailed(ILogger logger, Exception exception, string caseId, long seq, string kind);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Stale or no-op {Type} for case {CaseId} ignored")]
    public static partial void NoOp(ILogger logger, string type, string caseId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Case {CaseId} changed under us; deciding {Type} again (attempt {Attempt})")]
    public static partial void Conflict(ILogger logger, string caseId, string type, int attempt);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Message {MessageId} of case {CaseId} failed {DequeueCount} times; moved to the poison queue and the case is flagged")]
    public static partial void Poisoned(ILogger logger, string messageId, string caseId, long dequeueCount);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Processing message {MessageId} of case {CaseId} failed (attempt {DequeueCount}); it will be retried")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception, string messageId, string caseId, long dequeueCount);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "{Type} for unknown case {CaseId} rejected: {Why}")]
    public static partial void UnknownCase(ILogger logger, string type, string caseId, string why);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Inbox processors started on {QueueCount} queues ({Clock})")]
    public static partial void ProcessorsStarted(ILogger logger, int queueCount, string clock);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Inbox processors drained and stopped")]
    public static partial void ProcessorsStopped(ILogger logger);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Polling inbox queue {Queue} failed; backing off")]
    public static partial void PollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Timer {Token} of case {CaseId} surfaced early; re-armed for {Due}")]
    public static partial void TimerRearmed(ILogger logger, string token, string caseId, DateTimeOffset due);
}
