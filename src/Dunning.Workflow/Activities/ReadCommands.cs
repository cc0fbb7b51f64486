using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>Drains the mailbox: the case's recorded commands not applied yet, in the order they were recorded.</summary>
public sealed class ReadCommands(CommandLog log) : TaskActivity<string, IReadOnlyList<RecordedCommand>>
{
    public override Task<IReadOnlyList<RecordedCommand>> RunAsync(TaskActivityContext context, string caseId) => log.ReadUnappliedAsync(caseId);
}
