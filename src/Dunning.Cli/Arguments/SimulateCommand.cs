using System.CommandLine;
using System.CommandLine.Parsing;
using Dunning.Domain;

namespace Dunning.Cli;

/// <summary><c>dunning simulate</c>: dry-run the policy on one made-up case. Each option's value is checked as it is
/// parsed (<see cref="OptionValues"/>), the amounts' decimals against <c>--currency</c>.</summary>
internal sealed class SimulateCommand : Command
{
    public const string Verb = "simulate";

    private readonly Option<DateOnly> _due = Required("--due", "DATE", "the invoice's due date (yyyy-MM-dd, the debtor's local date)", OptionValues.Date);
    private readonly Option<decimal> _amount = Required("--amount", "N", "the amount due, e.g. 12000 or 99.50", OptionValues.Amount);
    private readonly Option<string> _currency = Required(OptionValues.CurrencyOption, "CODE", "ISO 4217 currency, e.g. CNY", OptionValues.Currency);
    private readonly Option<string> _timeZone = Required("--tz", "ZONE", "the debtor's IANA time zone, e.g. Asia/Shanghai", OptionValues.TimeZone);

    private readonly Option<DateOnly?> _open = new("--open")
    {
        HelpName = "DATE",
        Description = "open the case at 10:00 local on DATE (default: 10 days before the due date, or the day before the policy's first step)",
        CustomParser = result => OptionValues.Date(result),
    };

    private readonly Option<string> _policy = new("--policy")
    {
        HelpName = "FILE",
        Description = "a policy JSON document (default: the built-in policy 'default'); its errors name the step and field",
    };

    private readonly Option<string> _phone = Contact("--phone", "P", DefaultDebtor.Phone);
    private readonly Option<string> _email = Contact("--email", "E", DefaultDebtor.Email);
    private readonly Option<string> _address = Contact("--address", "A", DefaultDebtor.Address);

    private readonly Option<int> _days = new("--days")
    {
        HelpName = "N",
        Description = $"look until the end of local day due date + N (0 to {OptionValues.MaxDays})",
        CustomParser = OptionValues.Days,
        DefaultValueFactory = _ => SimulationScript.DefaultDaysAfterDue,
    };

    private readonly Option<List<ScriptedPayment>> _pay = Repeatable("--pay", "DATE:AMOUNT",
        "a payment, e.g. --pay 2026-11-25:5000 (repeatable)", OptionValues.Payments);

    private readonly Option<List<ScriptedPromise>> _promise = Repeatable("--promise", "DATE:AMOUNT@BY",
        "a promise recorded on DATE to pay AMOUNT by BY, e.g. --promise 2026-11-24:3000@2026-11-28 (repeatable)", OptionValues.Promises);

    private readonly Option<List<ScriptedClassification>> _classify = Repeatable("--classify", "TYPE@DATE",
        "WillingAble, WillingUnable, UnwillingAble or UnwillingUnable, e.g. --classify UnwillingAble@2026-11-22 (repeatable)",
        OptionValues.Classifications);

    private readonly Option<List<ScriptedPause>> _pause = Repeatable("--pause", "FIRST..LAST",
        "pause for the local days FIRST to LAST inclusive; the case resumes itself at midnight after LAST (repeatable)", OptionValues.Pauses);

    private readonly Option<bool> _json = new("--json")
    {
        Description = "only a JSON array on stdout: one object per event with at, type, step, channel, detail (default: a table of the timeline in the debtor's local time)",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "also show TimerArmed events (when the case next wakes up)" };

    public SimulateCommand()
        : base(Verb, "Dry-run an escalation policy on one made-up case, on a virtual clock, with no storage. Payments, promises and "
            + "classifications take effect at 12:00 local on their date, pauses at midnight.")
    {
        foreach (var option in (Option[])[_due, _amount, _currency, _timeZone, _open, _policy, _phone, _email, _address, _days,
                     _pay, _promise, _classify, _pause, _json, _verbose])
        {
            Options.Add(option);
        }

        _currency.CompletionSources.Add(_ => Currencies.All);
        _timeZone.CompletionSources.Add(_ => TimeZoneInfo.GetSystemTimeZones().Where(zone => zone.HasIanaId).Select(zone => zone.Id));
        _classify.CompletionSources.Add(_ => Enum.GetNames<DebtorType>().Select(type => type + "@"));
        SetAction(parse => CliApp.Simulate(ToRequest(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    public SimulateRequest ToRequest(ParseResult parse)
    {
        var timeZone = parse.GetRequiredValue(_timeZone);
        var currency = parse.GetRequiredValue(_currency);
        var inputs = new List<ScriptedInput>();
        inputs.AddRange(parse.GetValue(_pay) ?? []);
        inputs.AddRange(parse.GetValue(_promise) ?? []);
        inputs.AddRange(parse.GetValue(_classify) ?? []);
        inputs.AddRange(parse.GetValue(_pause) ?? []);

        var debtor = DefaultDebtor.In(timeZone) with
        {
            Phone = ContactOf(parse, _phone, DefaultDebtor.Phone),
            Email = ContactOf(parse, _email, DefaultDebtor.Email),
            Address = ContactOf(parse, _address, DefaultDebtor.Address),
        };
        var script = new SimulationScript(debtor, new Money(parse.GetRequiredValue(_amount), currency), parse.GetRequiredValue(_due), inputs,
            parse.GetValue(_open), parse.GetValue(_days));
        return new SimulateRequest(script, parse.GetValue(_policy), parse.GetValue(_json), parse.GetValue(_verbose));
    }

    /// <summary>Not given: the default debtor's; given empty: none, to see what the policy does without it.</summary>
    private static string? ContactOf(ParseResult parse, Option<string> option, string fallback) => parse.GetValue(option) switch
    {
        null => fallback,
        var given when string.IsNullOrWhiteSpace(given) => null,
        var given => given.Trim(),
    };

    private static Option<T> Required<T>(string name, string helpName, string description, Func<ArgumentResult, T> parse) => new(name)
    {
        HelpName = helpName,
        Description = description,
        Required = true,
        CustomParser = result => parse(result),
    };

    private static Option<List<T>> Repeatable<T>(string name, string helpName, string description, Func<ArgumentResult, List<T>> parse) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result => parse(result),
    };

    private static Option<string> Contact(string name, string helpName, string fallback) => new(name)
    {
        HelpName = helpName,
        Description = $"the debtor's {name[2..]} (default: {fallback}); \"\" leaves it out",
    };
}
