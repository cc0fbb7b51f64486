using Dunning.Domain;

namespace Dunning.Cli;

public static partial class CommandLine
{
    private static SimulateRequest Interpret(Dictionary<string, List<string>> options)
    {
        string Required(string name, string what) =>
            options.TryGetValue(name, out var values) ? values[0] : throw new UsageException($"missing --{name} ({what}), e.g. {Example(name)}");
        string? Optional(string name) => options.TryGetValue(name, out var values) ? values[0] : null;
        IEnumerable<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];

        var due = ParseDate("due", Required("due", "the invoice's due date"));
        var currency = ParseCurrency(Required("currency", "the ISO 4217 currency"));
        var amount = ParseAmount("amount", Required("amount", "the amount due"), currency);
        var timeZone = ParseTimeZone(Required("tz", "the debtor's IANA time zone"));
        var open = Optional("open") is { } openText ? ParseDate("open", openText) : (DateOnly?)null;
        var days = Optional("days") is { } daysText ? ParseDays(daysText) : SimulationScript.DefaultDaysAfterDue;

        var inputs = new List<ScriptedInput>();
        inputs.AddRange(All("pay").Select(value => ParsePayment(value, currency)));
        inputs.AddRange(All("promise").Select(value => ParsePromise(value, currency)));
        inputs.AddRange(All("classify").Select(ParseClassification));
        inputs.AddRange(All("pause").Select(ParsePause));

        var debtor = DefaultDebtor.In(timeZone) with
        {
            Phone = Contact(Optional("phone"), DefaultDebtor.Phone),
            Email = Contact(Optional("email"), DefaultDebtor.Email),
            Address = Contact(Optional("address"), DefaultDebtor.Address),
        };
        var script = new SimulationScript(debtor, new Money(amount, currency), due, inputs, open, days);
        return new SimulateRequest(script, Optional("policy"), options.ContainsKey("json"), options.ContainsKey("verbose"));
    }

    /// <summary>Not given: the default debtor's; given empty: none, to see what the policy does without it.</summary>
    private static string? Contact(string? given, string fallback) => given switch
    {
        null => fallback,
        _ when string.IsNullOrWhiteSpace(given) => null,
        _ => given.Trim(),
    };
}
