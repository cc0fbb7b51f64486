using System.Text.Json;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>Cases stored before row keys named their case (a run command's on-disk Azurite: every state row keyed
/// <c>state</c>, history rows keyed by number alone) are read as they are and carry on; their next commit moves the state
/// row to the case's own key, in the same transaction, and history reads on in order across both forms.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LegacyRowKeyTests(AzuriteFixture storage, LocalEngineFixture engine) : IClassFixture<LocalEngineFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GivenACaseStoredUnderTheSharedStateKey_WhenAPaymentArrives_ThenItIsAppliedAndTheStateRowMovesToTheCasesOwnKey()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow(), due: Cases.DueIn(host.Clock.GetUtcNow(), 20));
        var opened = await WriteAsPreviousCodeDidAsync(host, open);

        var read = await host.Store.GetAsync(open.CaseId);
        Assert.True(read is { InLegacyRow: true }, "the legacy state row is read");
        Assert.Equal(opened.Version, read!.State.Version);

        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "LEG-1", new Money(2000m, "CNY")), "pay-LEG-1");

        var paid = await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Contains("LEG-1"), Patience, "the payment on the legacy case");
        Assert.Equal(10000m, paid.Outstanding.Amount);
        var cases = host.Get<CaseTables>().Cases;
        Assert.False((await cases.GetEntityIfExistsAsync<TableEntity>(open.CaseId, CaseRows.LegacyState)).HasValue);
        Assert.True((await cases.GetEntityIfExistsAsync<TableEntity>(open.CaseId, CaseRows.State(open.CaseId))).HasValue);
        Assert.False((await host.Store.GetAsync(open.CaseId))!.InLegacyRow);
        var history = await host.Store.ReadHistoryAsync(open.CaseId);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Seq));
        Assert.IsType<CaseOpened>(history[0].Event);
        Assert.Contains(history, h => h.Event is PaymentApplied { PaymentId: "LEG-1" });
    }

    /// <summary>The rows the code before this change wrote for a new case: the state row under <c>state</c> and the
    /// history under <c>h{seq:D10}</c>, with the same columns.</summary>
    private static async Task<CaseState> WriteAsPreviousCodeDidAsync(WorkflowHost host, OpenCase open)
    {
        var events = CaseDecider.Decide(null, open, PolicyCatalog.Default.Find(open.PolicyId, open.PolicyVersion)!);
        var state = events.Aggregate((CaseState?)null, CaseEvolution.Evolve)!;
        var effects = CaseEffects.Derive(null, state, events).Count(e => e is not ArmTimer);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(open.CaseId, "state")
            {
                ["Version"] = state.Version, ["Status"] = state.Status.ToString(), ["Stage"] = state.Stage, ["PolicyId"] = state.PolicyId,
                ["PolicyVersion"] = state.PolicyVersion, ["EffectSeq"] = (long)effects, ["Flag"] = null, ["DecidedAt"] = open.Now,
                ["JsonChunks"] = 1, ["Json"] = JsonSerializer.Serialize(state, DomainJson.Options),
            }),
        };
        actions.AddRange(events.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(open.CaseId, $"h{i + 1:D10}")
        {
            ["Commit"] = (long)state.Version, ["Type"] = e.Type, ["At"] = e.At, ["Json"] = JsonSerializer.Serialize(e, DomainJson.Options),
        })));
        await host.Get<CaseTables>().Cases.SubmitTransactionAsync(actions);
        return state;
    }
}
