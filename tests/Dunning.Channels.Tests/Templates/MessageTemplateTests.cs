using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>What every SMS and e-mail must say (creditor, reference, amount, how to pay, opt-out) and must not (the
/// internal case id, debt details in a subject line, threats), in both shipped locales.</summary>
public sealed class MessageTemplateTests
{
    private static readonly string[] Steps = ["pre-due-reminder", "due-day-reminder", "first-overdue", "supervisor-report", "a-step-without-templates"];

    public static TheoryData<string, string> StepsByLocale()
    {
        var data = new TheoryData<string, string>();
        foreach (var locale in Samples.Locales)
        {
            foreach (var step in Steps)
            {
                data.Add(locale, step);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepsByLocale))]
    public void Sms_names_creditor_reference_amount_how_to_pay_and_opt_out(string locale, string step)
    {
        var facts = Samples.FactsFor(locale);
        var text = Samples.Renderer.RenderSms(facts, step);

        AssertEssentials(locale, text, sms: true);
        Assert.DoesNotContain(facts.CaseId, text);
        Assert.DoesNotContain("{{", text);
    }

    [Theory]
    [MemberData(nameof(StepsByLocale))]
    public void Email_bodies_name_the_essentials_and_the_subject_reveals_nothing(string locale, string step)
    {
        var facts = Samples.FactsFor(locale);
        var email = Samples.Renderer.RenderEmail(facts, step);

        Assert.Equal(locale == "zh-CN" ? "付款提醒" : "Payment reminder", email.Subject);
        AssertEssentials(locale, email.PlainText);
        AssertEssentials(locale, email.Html);
        Assert.DoesNotContain(facts.CaseId, email.PlainText + email.Html);
        Assert.StartsWith("<!DOCTYPE html>", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StepsByLocale))]
    public void No_message_threatens_what_the_policy_cannot_do(string locale, string step)
    {
        var facts = Samples.FactsFor(locale);
        var email = Samples.Renderer.RenderEmail(facts, step);
        var all = string.Join("\n", Samples.Renderer.RenderSms(facts, step), email.Subject, email.PlainText, Samples.VisibleText(email.Html));

        foreach (var word in Samples.ForbiddenWords)
        {
            Assert.DoesNotContain(word, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Amounts_and_dates_are_formatted_for_the_locale()
    {
        var zh = Samples.Renderer.RenderSms(Samples.ChineseFacts(), "pre-due-reminder");
        var en = Samples.Renderer.RenderSms(Samples.AmericanFacts(), "pre-due-reminder");

        Assert.Contains("¥12,345.67", zh);
        Assert.Contains("11月20日到期", zh);
        Assert.Contains("2026年11月20日", Samples.Renderer.RenderEmail(Samples.ChineseFacts(), "pre-due-reminder").PlainText);
        Assert.Contains("$1,234.50", en);
        Assert.Contains("November 20, 2026", en);
    }

    [Fact]
    public void A_foreign_currency_is_named_by_its_code()
    {
        var facts = Samples.AmericanFacts() with { Outstanding = new Money(9800m, "CNY") };

        Assert.Contains("CNY 9,800.00", Samples.Renderer.RenderSms(facts, "first-overdue"));
    }

    [Fact]
    public void Html_escapes_what_the_debtor_data_holds_but_keeps_chinese_readable()
    {
        var en = Samples.Renderer.RenderEmail(Samples.AmericanFacts(), "first-overdue");
        var zh = Samples.Renderer.RenderEmail(Samples.ChineseFacts(), "first-overdue");

        Assert.Contains("Jane &lt;Doe&gt;", en.Html);
        Assert.Contains("Jane <Doe>", en.PlainText);
        Assert.Contains("尊敬的李伟", zh.Html);
    }

    [Fact]
    public void A_debtor_locale_without_templates_gets_the_nearest_or_the_default()
    {
        Assert.Equal("zh-CN", Samples.Renderer.LocaleFor("zh-TW"));
        Assert.Equal("en-US", Samples.Renderer.LocaleFor("en-GB"));
        Assert.Equal("en-US", Samples.Renderer.LocaleFor("fr-FR"));
    }

    [Fact]
    public void The_creditor_letterhead_follows_the_locale_overrides()
    {
        Assert.Contains("【爱克米金融】", Samples.Renderer.RenderSms(Samples.ChineseFacts(), "first-overdue"));
        Assert.StartsWith("Acme Finance Ltd.:", Samples.Renderer.RenderSms(Samples.AmericanFacts(), "first-overdue"), StringComparison.Ordinal);
    }

    /// <summary>A Chinese SMS names the account by its last four characters ("账户尾号8001"), as Chinese lenders' SMS
    /// do, so it fits one 70-character segment; e-mails, and SMS in English, carry the full account and invoice.</summary>
    private static void AssertEssentials(string locale, string text, bool sms = false)
    {
        var facts = Samples.FactsFor(locale);
        Assert.Contains(locale == "zh-CN" ? "爱克米金融" : "Acme Finance Ltd.", text);
        if (sms && locale == "zh-CN")
        {
            Assert.Contains("账户尾号" + facts.AccountId[^4..], text);
        }
        else
        {
            Assert.Contains(facts.AccountId, text);
            Assert.Contains(facts.InvoiceId, text);
        }

        Assert.Contains(locale == "zh-CN" ? "¥12,345.67" : "$1,234.50", text);
        Assert.Contains(locale == "zh-CN" ? "登录pay.acme.example还款" : "pay at pay.acme.example", text);
        Assert.Contains(locale == "zh-CN" ? "回复TD退订" : "Reply STOP to opt out", text);
    }
}
