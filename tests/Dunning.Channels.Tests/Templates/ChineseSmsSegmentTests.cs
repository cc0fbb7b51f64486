using Dunning.Channels.Templates;
using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>Every zh-CN SMS fits one 70-unit UCS-2 segment with realistic, long-ish values: a Chinese letterhead (a
/// five-character creditor, a 20-character payment instruction), a four-character debtor name, a 14-character account,
/// an amount in the millions and a due date. Counted with <see cref="SmsSegments"/>, as the start-up lint counts.</summary>
public sealed class ChineseSmsSegmentTests
{
    private static readonly MessageFacts Realistic = new("c000000000000000000000000", "ACC-0001234567", "INV-2026-000123", "欧阳晓明", "zh-CN",
        "Asia/Shanghai", new Money(1_234_567.89m, "CNY"), new DateOnly(2026, 11, 20), "first-overdue");

    public static TheoryData<string> Steps => new() { "pre-due-reminder", "due-day-reminder", "first-overdue", "supervisor-report", "a-step-without-templates" };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Given_realistic_values_When_a_chinese_sms_is_rendered_Then_it_is_one_ucs2_segment(string step)
    {
        var text = Samples.Renderer.RenderSms(Realistic, step);

        Assert.False(SmsSegments.IsGsm7(text));
        Assert.True(SmsSegments.Count(text) == 1, $"{step}: {text.Length} UTF-16 units, {SmsSegments.Count(text)} segments: {text}");
        Assert.Contains("¥1,234,567.89", text);
        Assert.Contains("账户尾号4567", text);
        Assert.EndsWith("回复TD退订", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_chinese_letterhead_When_the_default_policy_is_linted_Then_no_chinese_sms_is_flagged()
    {
        var warnings = TemplateLint.Check(PolicyCatalog.Default.Find("default", 1)!, Samples.Renderer);

        Assert.DoesNotContain(warnings, w => w.Contains("zh-CN", StringComparison.Ordinal));
    }
}
