using Microsoft.Extensions.Logging;

namespace Dunning.Workflow;

/// <summary>The workflow's log messages, with stable event ids. Case ids only: never a debtor's name, phone or e-mail.</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Case {CaseId}: {Command} decided, {Events} events, version {Version}")]
    public static partial void Decided(ILogger logger, string caseId, string command, int events, int version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Case {CaseId}: deciding {Command} failed; the case is flagged and keeps waiting")]
    public static partial void DecisionFailed(ILogger logger, Exception exception, string caseId, string command);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Case {CaseId}: committing {Command} failed after retries; it is tried again later")]
    public static partial void CommitFailed(ILogger logger, Exception exception, string caseId, string command);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Case {CaseId}: effect {Kind} #{Seq} failed after retries; it is tried again later")]
    public static partial void EffectFailed(ILogger logger, Exception exception, string caseId, string kind, long seq);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Case {CaseId}: {Command} changed the stored case under us ({Outcome}); adopting it")]
    public static partial void Adopted(ILogger logger, string caseId, string command, CommitOutcome outcome);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Case {CaseId}: generation {Generation} continues as new at version {Version}")]
    public static partial void ContinuedAsNew(ILogger logger, string caseId, int generation, int version);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Case {CaseId}: workflow ends ({Ended}) at version {Version}")]
    public static partial void Ended(ILogger logger, string caseId, string ended, int version);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Case {CaseId}: {Command} was refused ({Why}); no case to commit to")]
    public static partial void NoCase(ILogger logger, string caseId, string command, string why);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Sweep: command {CommandId} of case {CaseId} still unapplied; delivered again ({How})")]
    public static partial void Redelivered(ILogger logger, string caseId, string commandId, string how);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Sweep pass failed; the next one tries again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Case {CaseId}: workflow (re)started ({Why})")]
    public static partial void Started(ILogger logger, string caseId, string why);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Case {CaseId}: {Command} meets a decision stored at {DecidedAt:O} (this one at {Now:O}), maybe its own by an execution that was lost; deciding it again at that instant")]
    public static partial void DecidedElsewhere(ILogger logger, string caseId, string command, DateTimeOffset decidedAt, DateTimeOffset now);
}
