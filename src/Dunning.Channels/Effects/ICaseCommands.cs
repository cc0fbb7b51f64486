using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>The way a command reaches a case from outside its workflow (a delivery report, a visit outcome, an alert):
/// recorded in the case's command log first, so it is never lost, then delivered to the case's workflow. The
/// <c>commandId</c> is the command's business key: submitting the same id again applies it once.</summary>
public interface ICaseCommands
{
    Task<CommandSubmission> SubmitAsync(string caseId, CaseCommand command, string commandId, CancellationToken cancellationToken = default);
}

/// <summary>What became of a submission: recorded now, or recorded before (a repeat), and whether that earlier one was
/// applied already.</summary>
public sealed record CommandSubmission(string CaseId, string CommandId, bool Repeated, bool Applied);
