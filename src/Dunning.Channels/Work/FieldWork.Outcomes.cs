using Dunning.Domain;

namespace Dunning.Channels.Work;

public sealed partial class FieldWork
{
    /// <summary>Completes a scheduled visit and sends <see cref="ReportVisitOutcome"/> to the case. The item is marked
    /// completed first (conditionally, so two reports cannot both win), then the command is sent under a message id
    /// derived from the visit, then the item notes it was sent; a request repeated after a failure in between finds
    /// the command unsent and sends it again, which the case applies once.</summary>
    public async Task<WorkResult> ReportVisitOutcomeAsync(string id, VisitOutcomeRequest request, Actor by, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(WorkItemKind.Visit, id, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return WorkResult.NotFound;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var outcome = CheckVisitOutcome(request, visit, now, errors);
        CheckNotes(request.Notes, errors);
        if (errors.Count > 0)
        {
            return WorkResult.Invalid(errors);
        }

        var completed = await CompleteAsync(WorkItemKind.Visit, id, item => item with
        {
            Status = WorkItemStatus.Completed,
            CompletedAt = now,
            CompletedBy = by.Name,
            Outcome = outcome.ToString(),
            Notes = request.Notes?.Trim(),
            PromisedAmount = outcome == VisitOutcome.Promised ? request.Promise?.Amount : null,
            PromisedDate = outcome == VisitOutcome.Promised ? request.Promise?.Date : null,
        }, cancellationToken).ConfigureAwait(false);
        if (completed.Kind != WorkResultKind.Accepted)
        {
            return completed;
        }

        var done = completed.Item!;
        var command = new ReportVisitOutcome(now, by, ReasonOf(done), done.Id, Enum.Parse<VisitOutcome>(done.Outcome!),
            done.PromisedAmount is { } amount ? new Money(amount, done.Outstanding.Currency) : null, done.PromisedDate);
        return await SendAsync(done, command, $"visit-outcome-{done.Id}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes an open call task and reports it to the case as a delivery on the call channel: connected
    /// means a conversation took place (which starts the call cap's quiet days).</summary>
    public async Task<WorkResult> ReportCallOutcomeAsync(string id, CallOutcomeRequest request, Actor by, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(WorkItemKind.Call, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return WorkResult.NotFound;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Connected is null)
        {
            errors["connected"] = ["Say whether the call connected: true or false."];
        }

        CheckNotes(request.Notes, errors);
        if (errors.Count > 0)
        {
            return WorkResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var completed = await CompleteAsync(WorkItemKind.Call, id, item => item with
        {
            Status = WorkItemStatus.Completed,
            CompletedAt = now,
            CompletedBy = by.Name,
            Outcome = request.Connected == true ? "Connected" : "NotConnected",
            Notes = request.Notes?.Trim(),
        }, cancellationToken).ConfigureAwait(false);
        if (completed.Kind != WorkResultKind.Accepted)
        {
            return completed;
        }

        var done = completed.Item!;
        var command = new ReportDelivery(now, done.ContactId, ContactChannel.Call, done.Outcome == "Connected", ReasonOf(done));
        return await SendAsync(done, command, $"call-outcome-{done.Id}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accepted with the completed item (newly completed, or completed earlier with its command unsent);
    /// Conflict when already completed and sent, or cancelled.</summary>
    private async Task<WorkResult> CompleteAsync(WorkItemKind kind, string id, Func<WorkItem, WorkItem> complete, CancellationToken cancellationToken)
    {
        WorkItem? refused = null;
        var item = await store.UpdateAsync(kind, id, current =>
        {
            refused = null;
            if (current.IsOpen)
            {
                return complete(current);
            }

            if (current is { Status: WorkItemStatus.Completed, CommandSent: false })
            {
                return null;
            }

            refused = current;
            return null;
        }, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return WorkResult.NotFound;
        }

        return refused is not null
            ? WorkResult.Conflict(refused, refused.Status == WorkItemStatus.Cancelled
                ? $"The {kind.ToString().ToLowerInvariant()} was cancelled ({refused.CancelReason}); nothing to report."
                : $"The {kind.ToString().ToLowerInvariant()} was already completed at {refused.CompletedAt:O} with outcome {refused.Outcome}.")
            : new WorkResult(WorkResultKind.Accepted, item);
    }

    private async Task<WorkResult> SendAsync(WorkItem done, CaseCommand command, string messageId, CancellationToken cancellationToken)
    {
        await commands.SubmitAsync(done.CaseId, command, messageId, cancellationToken).ConfigureAwait(false);
        var sent = await store.UpdateAsync(done.Kind, done.Id, item => item.CommandSent ? null : item with { CommandSent = true }, cancellationToken)
            .ConfigureAwait(false);
        return new WorkResult(WorkResultKind.Accepted, sent ?? done, MessageId: messageId);
    }

    private static VisitOutcome CheckVisitOutcome(VisitOutcomeRequest request, WorkItem visit, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var names = string.Join(", ", Enum.GetNames<VisitOutcome>());
        if (string.IsNullOrWhiteSpace(request.Outcome) || !TryParseName<VisitOutcome>(request.Outcome, out var outcome))
        {
            errors["outcome"] = [$"Give the outcome: one of {names}."];
            return default;
        }

        if (outcome != VisitOutcome.Promised)
        {
            if (request.Promise is not null)
            {
                errors["promise"] = ["A promise goes with the outcome Promised only; leave it out."];
            }

            return outcome;
        }

        if (request.Promise is not { } promise)
        {
            errors["promise"] = ["The outcome Promised needs the promise: { \"amount\": 1000.00, \"date\": \"2026-12-01\" }."];
            return outcome;
        }

        var digits = Currencies.MinorUnits(visit.Outstanding.Currency);
        if (promise.Amount is not { } amount || amount <= 0 || decimal.Round(amount, digits) != amount)
        {
            errors["promise.amount"] = [$"Give a positive amount in {visit.Outstanding.Currency} with at most {digits} decimals."];
        }

        LocalCalendar.TryFindZone(visit.TimeZone, out var zone);
        var today = LocalCalendar.DateOf(now, zone);
        if (promise.Date is not { } date)
        {
            errors["promise.date"] = ["Give the date the debtor promised to pay by (YYYY-MM-DD, their local date)."];
        }
        else if (date < today)
        {
            errors["promise.date"] = [$"The promised date is in the past (today is {today:yyyy-MM-dd} for the debtor)."];
        }

        return outcome;
    }

    private static void CheckNotes(string? notes, Dictionary<string, string[]> errors)
    {
        if (notes is { Length: > MaxNotesLength })
        {
            errors["notes"] = [$"Use at most {MaxNotesLength} characters."];
        }
    }

    private static string ReasonOf(WorkItem item) =>
        string.IsNullOrWhiteSpace(item.Notes) ? $"{item.Kind} {item.Id} reported: {item.Outcome}" : item.Notes;
}
