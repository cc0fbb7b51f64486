using System.Diagnostics;
using Dunning.Channels;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow;

/// <summary>How every command from outside reaches a case: recorded in the case's command log first (so once this
/// returns it is never lost, whatever the engine does), then the workflow is rung. A ring that fails is left to the
/// sweep; the command is already safe.</summary>
public sealed class CommandDelivery(CommandLog log, CaseWorkflowClient workflow, ILogger<CommandDelivery> logger) : ICaseCommands
{
    public async Task<CommandSubmission> SubmitAsync(string caseId, CaseCommand command, string commandId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        // The span the command is recorded in (a child of the request that brought it): its commit and effects join it.
        using var span = WorkflowTelemetry.StartCaseWork("RecordCommand", caseId, commandTrace: null, ActivityKind.Producer);
        span?.SetTag("dunning.command", command.Type);
        var (repeated, applied) = await log.RecordAsync(caseId, commandId, command, cancellationToken).ConfigureAwait(false);
        if (!applied)
        {
            try
            {
                await workflow.RingAsync(caseId, commandId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                DeliveryLog.RingFailed(logger, ex, caseId, commandId);
            }
        }

        return new CommandSubmission(caseId, commandId, repeated, applied);
    }
}

/// <summary>Log messages of command delivery.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Command {CommandId} of case {CaseId} is recorded but its workflow could not be rung; the sweep delivers it")]
    public static partial void RingFailed(ILogger logger, Exception exception, string caseId, string commandId);
}
