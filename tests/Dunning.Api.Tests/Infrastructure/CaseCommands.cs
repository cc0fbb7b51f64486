using Dunning.Workflow;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>What the command log says of a case: the observable end of every command sent to it.</summary>
public static class CaseCommands
{
    /// <summary>Waits until every command recorded for the case has been applied: after that nothing sent so far can
    /// change it again, so a test may assert that something happened exactly once.</summary>
    public static Task SettledAsync(ApiHost api, string caseId) =>
        Wait.UntilAsync(async () => (await api.Get<CommandLog>().ReadUnappliedAsync(caseId)).Count == 0, TimeSpan.FromSeconds(30),
            $"every command of case {caseId} to be applied");

    /// <summary>Whether any command was ever recorded for the case (applied or not).</summary>
    public static async Task<bool> AnyRecordedAsync(ApiHost api, string caseId)
    {
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"c"} and RowKey lt {"d"}");
        await foreach (var _ in api.Get<CaseTables>().Cases.QueryAsync<Azure.Data.Tables.TableEntity>(filter, maxPerPage: 1))
        {
            return true;
        }

        return false;
    }
}
