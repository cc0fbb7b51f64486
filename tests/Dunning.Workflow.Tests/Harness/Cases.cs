using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>Test cases: a Shanghai debtor, due 2026-11-20, 12,000 CNY, under the default policy.</summary>
public static class Cases
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly DateOnly Due = new(2026, 11, 20);

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static OpenCase Open(string accountId, DateTimeOffset now, decimal amount = 12000m, string invoiceId = "INV-1", DateOnly? due = null) =>
        new(now, accountId, invoiceId,
            new Debtor("Li Wei", "+8613800138000", "li.wei@example.com", "Asia/Shanghai", "zh-CN", "88 Century Ave, Pudong, Shanghai"),
            new Money(amount, "CNY"), due ?? Due, "default", 1, new Actor("test", ActorKind.Operator));

    /// <summary>A due date <paramref name="days"/> ahead of <paramref name="now"/> in Shanghai: every step of the ladder
    /// lies ahead, however long the host took to start on a fast clock.</summary>
    public static DateOnly DueIn(DateTimeOffset now, int days) => LocalCalendar.DateOf(now, Shanghai).AddDays(days);

    public static Actor Supervisor { get; } = new("supervisor-1", ActorKind.Supervisor);

    public static string NewAccount() => "A-" + Guid.NewGuid().ToString("N")[..10];
}
