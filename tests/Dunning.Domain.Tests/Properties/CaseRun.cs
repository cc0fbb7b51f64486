namespace Dunning.Domain.Tests;

/// <summary>One generated life of a case: who owes what in which zone, under which policy variant, opened when, and
/// the script of commands that happens around its timers (ordered by instant).</summary>
public sealed record CaseRun(
    Debtor Debtor,
    Money AmountDue,
    DateOnly DueDate,
    DateTimeOffset OpenAt,
    PolicyVariant Policy,
    IReadOnlyList<ScriptedCommand> Script)
{
    public OpenCase Opening(EscalationPolicy policy) =>
        new(OpenAt, "acct-1", "inv-1", Debtor, AmountDue, DueDate, policy.Id, policy.Version, new Actor("ops", ActorKind.Operator));

    public override string ToString() =>
        $"""
        CaseRun: {AmountDue} due {DueDate:yyyy-MM-dd} in {Debtor.TimeZone}, opened {OpenAt:yyyy-MM-dd HH:mm zzz}
          debtor: phone {Debtor.Phone ?? "-"}, email {Debtor.Email ?? "-"}, address {Debtor.Address ?? "-"}, jurisdiction {Debtor.Jurisdiction ?? "-"}
          policy: {Policy}
          script ({Script.Count}):
        """ + string.Concat(Script.Select(command => $"\n    {command}"));
}
