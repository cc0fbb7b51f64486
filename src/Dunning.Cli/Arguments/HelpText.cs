namespace Dunning.Cli;

/// <summary>The text of <c>dunning --help</c>.</summary>
public static class HelpText
{
    public const string Usage = """
        dunning: dry-run an escalation policy on one made-up case, on a virtual clock, with no storage;
        import a campaign of cases into the running service.

        Usage:
          dunning simulate --due DATE --amount N --currency CODE --tz ZONE [options]
          dunning import FILE [--api URL] [--key KEY]
          dunning --help

        Simulate (dunning simulate), required:
          --due DATE             the invoice's due date (yyyy-MM-dd, the debtor's local date)
          --amount N             the amount due, e.g. 12000 or 99.50
          --currency CODE        ISO 4217 currency, e.g. CNY
          --tz ZONE              the debtor's IANA time zone, e.g. Asia/Shanghai

        The case:
          --open DATE            open the case at 10:00 local on DATE
                                 (default: 10 days before the due date, or the day before the policy's first step)
          --policy FILE          a policy JSON document (default: the built-in policy 'default')
          --phone P, --email E, --address A
                                 the debtor's contact details (default: Li Wei, +8613800138000,
                                 li.wei@example.com, 88 Century Ave, Pudong, Shanghai); "" leaves one out
          --days N               look until the end of local day due date + N (default 60)

        What happens to it (repeatable; inputs take effect at 12:00 local, pauses at midnight):
          --pay DATE:AMOUNT                  a payment, e.g. --pay 2026-11-25:5000
          --promise DATE:AMOUNT@BY           a promise recorded on DATE to pay AMOUNT by BY,
                                             e.g. --promise 2026-11-24:3000@2026-11-28
          --classify TYPE@DATE               WillingAble, WillingUnable, UnwillingAble or UnwillingUnable,
                                             e.g. --classify UnwillingAble@2026-11-22
          --pause FIRST..LAST                pause for the local days FIRST to LAST inclusive; the case
                                             resumes itself at midnight after LAST

        Output:
          (default)              a table of the timeline in the debtor's local time
          --json                 only a JSON array on stdout: one object per event with
                                 at, type, step, channel, detail
          --verbose              also show TimerArmed events (when the case next wakes up)

        Import (dunning import FILE):
          FILE                   a .csv file with the header row accountId,invoiceId,name,phone,email,timeZone,
                                 locale,amount,currency,dueDate,policy, or a .json array of case requests
          --api URL              the service (default http://127.0.0.1:7071)
          --key KEY              an operator API key (default: the DUNNING_API_KEY environment variable)
          Shows the progress until every row is opened, a duplicate or rejected, then the counts and
          the rejected lines. Importing the same file again opens nothing twice.

        Exit codes: 0 done, 1 the service refused the import or cannot be reached,
                    2 bad arguments or an invalid policy (messages on stderr).

        Examples:
          dunning simulate --due 2026-11-20 --amount 12000 --currency CNY --tz Asia/Shanghai --pay 2026-11-25:5000
          dunning import samples/accounts.csv --key dev-operator-key
        """;
}
