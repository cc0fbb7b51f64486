using Dunning.Channels;
using Dunning.Channels.Hosting;
using Dunning.Channels.Storage;
using Dunning.Channels.Work;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>Reads what host processes wrote under a storage prefix, straight from storage: the cases, their histories,
/// the messages the capture channel kept and the call tasks and visits.</summary>
public sealed class CaseReader
{
    public CaseReader(AzuriteFixture storage, string prefix)
    {
        var account = new StorageAccount(new StorageOptions { ConnectionString = storage.ConnectionString, Prefix = prefix }, new RequestCounter());
        Store = new CaseStore(new CaseTables(account));
        Messages = new MessageLog(new ChannelTables(account), TimeProvider.System);
        Work = new WorkStore(new ChannelStorage(account));
    }

    public CaseStore Store { get; }
    public MessageLog Messages { get; }
    public WorkStore Work { get; }

    public async Task<IReadOnlyList<CaseEvent>> HistoryAsync(string caseId) =>
        (await Store.ReadHistoryAsync(caseId)).OrderBy(h => h.Seq).Select(h => h.Event).ToList();

    /// <summary>A case's whole ladder happened once, in order, and every contact it records went out exactly once: one
    /// captured message per SMS and e-mail (under distinct keys), one work item per call task and visit.</summary>
    public async Task AssertLadderRanOnceAsync(string caseId)
    {
        var history = await HistoryAsync(caseId);
        Assert.Equal(
            ["pre-due-reminder", "due-day-reminder", "first-overdue", "field-visit", "supervisor-report", "demand-notice", "lawyer-letter", "legal-handoff"],
            history.OfType<StepReached>().Select(s => s.Step));
        var contacts = history.OfType<ContactEvent>().ToList();
        Assert.Equal(contacts.Count, contacts.Select(c => c.ContactId).Distinct().Count());

        var messages = await Messages.ListAsync(caseId);
        Assert.Equal(messages.Count, messages.Select(m => m.IdempotencyKey).Distinct().Count());
        var sent = history.Where(e => e is SmsSent or EmailSent).Cast<ContactEvent>().Select(e => e.ContactId).Order().ToList();
        Assert.Equal(sent, messages.Where(m => sent.Contains(m.ContactId)).Select(m => m.ContactId).Order().ToList());

        foreach (var kind in new[] { WorkItemKind.Call, WorkItemKind.Visit })
        {
            var expected = history.Where(e => kind == WorkItemKind.Call ? e is CallTaskCreated : e is VisitScheduled).Cast<ContactEvent>()
                .Select(e => WorkItem.IdFor(caseId, e.ContactId)).Order().ToList();
            var items = (await Work.ListAsync(kind)).Where(w => w.CaseId == caseId).ToList();
            Assert.Equal(expected, items.Select(w => w.Id).Order().ToList());
        }

        Assert.Single(history.OfType<DocumentStored>(), d => d.Kind == DocumentKind.LegalDossier);
    }
}
