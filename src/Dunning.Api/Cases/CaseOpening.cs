using Dunning.Api.Hosting;
using Dunning.Api.Logging;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Api.Cases;

/// <summary>Opens a case through the inbox (only the processor commits to a case), idempotent on (account, invoice):
/// an existing case with the same amount and due date is the answer, a different one a conflict. After enqueueing it
/// waits briefly for the processor so a caller usually gets the case itself.</summary>
public sealed class CaseOpening(CaseStore store, CaseInbox inbox, HostSettings settings, ILogger<CaseOpening> logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public async Task<OpenOutcome> OpenAsync(OpenCase command, CancellationToken cancellationToken)
    {
        var caseId = command.CaseId;
        if (await store.GetAsync(caseId, cancellationToken) is { } existing)
        {
            return Compare(existing, command, created: false);
        }

        // One message id per case: a retried or concurrent open of the same invoice is applied once.
        await inbox.SendAsync(caseId, command, OpenMessageId(caseId), cancellationToken);
        ApiLog.CaseOpenRequested(logger, caseId, Redact.Name(command.Debtor.Name), Redact.Phone(command.Debtor.Phone), Redact.Email(command.Debtor.Email));

        var deadline = DateTime.UtcNow + settings.OpenCaseWait;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll, cancellationToken);
            if (await store.GetAsync(caseId, cancellationToken) is { } opened)
            {
                return Compare(opened, command, created: true);
            }
        }

        return new OpenOutcome(OpenResult.Pending, caseId, null);
    }

    /// <summary>The message id every open of a case uses, whether from the API or a campaign.</summary>
    public static string OpenMessageId(string caseId) => $"open-{caseId}";

    private static OpenOutcome Compare(StoredCase stored, OpenCase command, bool created)
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
public sealed record OpenOutcome(OpenResult Result, string CaseId, StoredCase? Case);
