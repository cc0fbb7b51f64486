using System.Collections.Concurrent;
using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>Stands in for the workflow's command log where only the channels are under test: keeps every submission in
/// order, repeats included, and answers a repeat of a (case, command id) as the real log does.</summary>
public sealed class RecordingCaseCommands : ICaseCommands
{
    private readonly ConcurrentQueue<(string CaseId, string CommandId, CaseCommand Command)> _submitted = new();

    public Task<CommandSubmission> SubmitAsync(string caseId, CaseCommand command, string commandId, CancellationToken cancellationToken = default)
    {
        var repeated = _submitted.Any(s => s.CaseId == caseId && s.CommandId == commandId);
        _submitted.Enqueue((caseId, commandId, command));
        return Task.FromResult(new CommandSubmission(caseId, commandId, repeated, Applied: false));
    }

    /// <summary>The commands submitted to a case, with their ids, oldest first (a repeat appears again).</summary>
    public IReadOnlyList<(string CommandId, CaseCommand Command)> For(string caseId) =>
        _submitted.Where(s => s.CaseId == caseId).Select(s => (s.CommandId, s.Command)).ToList();
}
