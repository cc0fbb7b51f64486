using System.Diagnostics;
using Dunning.Endpoints.Logging;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Endpoints.Cases;

/// <summary>Opens a case by starting its workflow (instance id = case id) with the open command; only the workflow
/// commits to a case. Idempotent on (account, invoice): an existing case with the same amount and due date is the
/// answer, a different one a conflict, and a start for a case whose workflow already runs changes nothing. It then
/// waits briefly for the workflow's first commit and its index row, so a caller usually gets the case itself, already
/// listed.</summary>
public sealed class CaseOpening(CaseStore store, ReadModelStore readModels, CaseWorkflowClient workflow, CaseOpeningOptions options, ILogger<CaseOpening> logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public async Task<OpenOutcome> OpenAsync(OpenCase command, CancellationToken cancellationToken)
    {
        var caseId = command.CaseId;
        if (await store.GetAsync(caseId, cancellationToken) is { } existing)
        {
            return Compare(existing, command, created: false);
        }

        await workflow.OpenAsync(command, cancellationToken);
        ApiLog.CaseOpenRequested(logger, caseId, Redact.Name(command.Debtor.Name), Redact.Phone(command.Debtor.Phone), Redact.Email(command.Debtor.Email));

        // Elapsed time, not a clock: the wait is about this request, whatever the business clock reads.
        var waited = Stopwatch.StartNew();
        CaseSnapshot? opened = null;
        while (waited.Elapsed < options.OpenCaseWait)
        {
            await Task.Delay(Poll, cancellationToken);
            opened ??= await store.GetAsync(caseId, cancellationToken);
            // The commit activity writes the index row right after the case's transaction: waiting for it too means a
            // caller's next list or search shows the case it was just given.
            if (opened is not null && await readModels.IsListedAsync(opened.State.Status, caseId, cancellationToken))
            {
                return Compare(opened, command, created: true);
            }
        }

        return opened is null ? new OpenOutcome(OpenResult.Pending, caseId, null) : Compare(opened, command, created: true);
    }

    private static OpenOutcome Compare(CaseSnapshot stored, OpenCase command, bool created)
    {
        var same = stored.State.AmountDue == command.AmountDue && stored.State.DueDate == command.DueDate;
        var result = !same ? OpenResult.Conflict : created ? OpenResult.Created : OpenResult.Existing;
        return new OpenOutcome(result, command.CaseId, stored);
    }
}

/// <summary>What became of an open request.</summary>
public enum OpenResult
{
    Created,
    Existing,
    Conflict,
    Pending,
}

/// <summary>The result, the case id and (unless still pending) the case as stored.</summary>
public sealed record OpenOutcome(OpenResult Result, string CaseId, CaseSnapshot? Case);
