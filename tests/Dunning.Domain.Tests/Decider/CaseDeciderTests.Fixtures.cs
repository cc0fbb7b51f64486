namespace Dunning.Domain.Tests;

/// <summary>The cases the specification starts from: a Shanghai debtor owing 12,000 CNY due Friday 2026-11-20, and a
/// New York debtor for the DST cases.</summary>
public sealed partial class CaseDeciderTests
{
    /// <summary>Where a case stands before the command. Every standing but <see cref="NoCase"/> is reached through the
    /// default ladder up to and including first-overdue (2026-11-21 09:00); see <see cref="ActiveCase"/>.</summary>
    public enum Standing
    {
        NoCase,
        Active,
        Paused,
        Disputed,
        Closed,
        HandedToLegal,
    }

    private static readonly EscalationPolicy DefaultPolicy = PolicyCatalog.Default.Latest("default")!;
    // A property, not a field: static fields in other partial files are built from it, and C# orders field
    // initialisers across partial files in no documented way.
    private static TimeSpan ChinaStandardTime => TimeSpan.FromHours(8);

    private const string Account = "ACC-1001";
    private const string Invoice = "INV-2026-1120";
    private static readonly string CaseId = CaseIds.For(Account, Invoice);
    private static readonly DateOnly DueDate = new(2026, 11, 20);
    private static readonly Money Amount = Cny(12_000);

    /// <summary>Below the field-visit threshold of 5,000 CNY.</summary>
    private static readonly Money SmallAmount = Cny(3_000);

    private static readonly Debtor LiWei = new("Li Wei", "+86 138 0013 8000", "li.wei@example.cn", "Asia/Shanghai", "zh-CN",
        "88 Century Avenue, Pudong, Shanghai", "CN");

    /// <summary>A US debtor for the DST cases: New York leaves EDT (-04:00) on 2026-11-01 and enters it on 2026-03-08.</summary>
    private static readonly Debtor JaneRoe = new("Jane Roe", "+1 212 555 0100", "jane.roe@example.com", "America/New_York", "en-US",
        "350 Fifth Avenue, New York, NY 10118", "US");

    private static readonly Actor Billing = new("billing-import", ActorKind.Operator);
    private static readonly Actor Supervisor = new("wang.fang", ActorKind.Supervisor);
    private static readonly Actor Collector = new("zhao.lei", ActorKind.Collector);
    private static readonly Actor TheDebtor = new("debtor", ActorKind.Debtor);

    private static readonly DateTimeOffset OpenedAt = Shanghai(11, 10, 10);

    private static Money Cny(decimal amount) => new(amount, "CNY");

    private static Money Usd(decimal amount) => new(amount, "USD");

    /// <summary>A Shanghai wall-clock time in 2026 (China keeps +08:00 all year).</summary>
    private static DateTimeOffset Shanghai(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, ChinaStandardTime);

    private static DateOnly Date(int month, int day) => new(2026, month, day);

    /// <summary>An instant written with its offset, e.g. "2026-11-01T08:00:00-05:00".</summary>
    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private OpenCase Open(DateTimeOffset now, Money? amount = null, Debtor? debtor = null, DateOnly? due = null) =>
        new(now, Account, Invoice, debtor ?? LiWei, amount ?? Amount, due ?? DueDate, _policy.Id, _policy.Version, Billing);

    private CaseOpened Opened(DateTimeOffset? at = null, Money? amount = null, Debtor? debtor = null, DateOnly? due = null) =>
        new(at ?? OpenedAt, CaseId, Account, Invoice, debtor ?? LiWei, amount ?? Amount, due ?? DueDate,
            _policy.Id, _policy.Version, Billing, null);

    private int IndexOf(string step) => _policy.IndexOf(step) is var index and >= 0 ? index : throw new ArgumentException(step);

    /// <summary>When <paramref name="step"/> falls due for the Shanghai case on its original ladder.</summary>
    private DateTimeOffset StepAt(string step)
    {
        var definition = _policy.Steps[IndexOf(step)];
        return new DateTimeOffset(DueDate.AddDays(definition.OffsetDays).ToDateTime(definition.At), ChinaStandardTime);
    }

    private StepReached Reached(string step, DateTimeOffset? at = null) =>
        new(at ?? StepAt(step), step, IndexOf(step), at ?? StepAt(step));

    /// <summary>A lean history: opened, every step up to <paramref name="step"/> taken on its date (contacts left out, so
    /// the next contact id is k1), and the one timer t1 armed for the step after it.</summary>
    private CaseEvent[] LadderThrough(string? step, Money? amount = null, Debtor? debtor = null)
    {
        var taken = step is null ? 0 : IndexOf(step) + 1;
        var events = new List<CaseEvent> { Opened(amount: amount, debtor: debtor) };
        events.AddRange(_policy.Steps.Take(taken).Select(s => Reached(s.Name)));
        var armedAt = step is null ? OpenedAt : StepAt(step);
        events.Add(new TimerArmed(armedAt, "t1", StepAt(_policy.Steps[taken].Name)));
        return [.. events];
    }

    /// <summary>Exactly what the decider writes for a case opened 2026-11-10 whose first three timers fired on time:
    /// contacts k1-k6, timers t1-t4, the field visit next (Monday 11-23 09:00). The next token is t5, the next
    /// contact k7.</summary>
    private CaseEvent[] ActiveCase(Money? amount = null) =>
    [
        Opened(amount: amount),
        new TimerArmed(OpenedAt, "t1", Shanghai(11, 17, 9)),
        Reached("pre-due-reminder"),
        new SmsSent(Shanghai(11, 17, 9), "k1", "pre-due-reminder", null),
        new TimerArmed(Shanghai(11, 17, 9), "t2", Shanghai(11, 20, 9)),
        Reached("due-day-reminder"),
        new SmsSent(Shanghai(11, 20, 9), "k2", "due-day-reminder", null),
        new EmailSent(Shanghai(11, 20, 9), "k3", "due-day-reminder", null),
        new TimerArmed(Shanghai(11, 20, 9), "t3", Shanghai(11, 21, 9)),
        Reached("first-overdue"),
        new SmsSent(Shanghai(11, 21, 9), "k4", "first-overdue", null),
        new EmailSent(Shanghai(11, 21, 9), "k5", "first-overdue", null),
        new CallTaskCreated(Shanghai(11, 21, 9), "k6", "first-overdue"),
        new TimerArmed(Shanghai(11, 21, 9), "t4", Shanghai(11, 23, 9)),
    ];

    /// <summary>The active case of an unwilling-but-able debtor whose field visit fell on Sunday 11-22 and waits for Monday
    /// nine (t6); the next token is t7.</summary>
    private CaseEvent[] ActiveCaseWithADeferredContact() =>
    [
        .. ActiveCase(),
        new DebtorClassified(Shanghai(11, 21, 10), DebtorType.UnwillingAble, Supervisor, "can pay, will not"),
        new TimerArmed(Shanghai(11, 21, 10), "t5", Shanghai(11, 22, 9)),
        new StepReached(Shanghai(11, 22, 9), "field-visit", 3, Shanghai(11, 22, 9)),
        new ContactDeferred(Shanghai(11, 22, 9), "field-visit", StepAction.Visit, Shanghai(11, 23, 9), OutsideShanghaiVisitHours),
        new TimerArmed(Shanghai(11, 22, 9), "t6", Shanghai(11, 23, 9)),
    ];

    private static readonly DateTimeOffset PausedAt = Shanghai(11, 21, 12);
    private static readonly DateTimeOffset PausedUntil = Shanghai(11, 25, 9);
    private static readonly DateTimeOffset HandedToLegalAt = Shanghai(11, 22, 10);
    private const string UnwillingUnableJump = "the UnwillingUnable track goes straight to legal-handoff";

    /// <summary>The case in each standing; the next token is t5 (t7 once handed to legal) and the next contact k7.</summary>
    private CaseEvent[] History(Standing standing) => standing switch
    {
        Standing.NoCase => [],
        Standing.Active => ActiveCase(),
        Standing.Paused =>
        [
            .. ActiveCase(),
            new CasePaused(PausedAt, Supervisor, "the debtor is in hospital", PausedUntil),
            new TimerArmed(PausedAt, "t5", PausedUntil),
        ],
        Standing.Disputed =>
        [
            .. ActiveCase(),
            new DisputeRaised(PausedAt, Supervisor, "the debtor says the invoice was paid to the old account"),
            new TimerArmed(PausedAt, "t5", null),
        ],
        Standing.Closed =>
        [
            .. ActiveCase(),
            new CaseClosed(PausedAt, ClosedReason.Settled, Supervisor, "settled for 10,000 CNY"),
            new TimerArmed(PausedAt, "t5", null),
        ],
        Standing.HandedToLegal =>
        [
            .. ActiveCase(),
            new DebtorClassified(HandedToLegalAt, DebtorType.UnwillingUnable, Supervisor, "no income and refuses to talk"),
            new LadderRebased(HandedToLegalAt, Date(10, 23), UnwillingUnableJump),
            new TimerArmed(HandedToLegalAt, "t5", HandedToLegalAt),
            new StepSkipped(HandedToLegalAt, "field-visit", 3, UnwillingUnableJump),
            new StepSkipped(HandedToLegalAt, "supervisor-report", 4, UnwillingUnableJump),
            new StepSkipped(HandedToLegalAt, "demand-notice", 5, UnwillingUnableJump),
            new StepSkipped(HandedToLegalAt, "lawyer-letter", 6, UnwillingUnableJump),
            new StepReached(HandedToLegalAt, "legal-handoff", 7, Shanghai(11, 22, 9)),
            new CaseHandedToLegal(HandedToLegalAt, "legal-handoff", new ClaimBreakdown(Date(11, 22), Amount, Cny(6), Cny(50))),
            new TimerArmed(HandedToLegalAt, "t6", null),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(standing)),
    };

    /// <summary>The default policy with one step moved to another local time (published as its own version).</summary>
    private static EscalationPolicy WithStepAt(string step, TimeOnly at) => DefaultPolicy with
    {
        Version = 2,
        Steps = [.. DefaultPolicy.Steps.Select(s => s.Name == step ? s with { At = at } : s)],
    };
}
