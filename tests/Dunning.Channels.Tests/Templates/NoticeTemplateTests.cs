using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>Written notices and the supervisor report: letterhead, breakdown, deadline, and only lawful consequences.</summary>
public sealed class NoticeTemplateTests
{
    public static TheoryData<string, StepAction> Notices() => new()
    {
        { "en-US", StepAction.DemandNotice }, { "en-US", StepAction.LawyerLetter },
        { "zh-CN", StepAction.DemandNotice }, { "zh-CN", StepAction.LawyerLetter },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void A_notice_states_the_breakdown_the_deadline_and_the_letterhead(string locale, StepAction kind)
    {
        var html = Samples.Renderer.RenderNotice(Samples.Notice(Samples.FactsFor(locale), kind));

        var expected = locale == "zh-CN"
            ? new[] { "本金", "¥12,000.00", "罚息", "¥78.50", "费用", "¥50.00", "¥12,128.50", "2026年12月11日", "2026年12月4日", "爱克米金融", "上海市浦东新区世纪大道100号" }
            : ["Principal", "$12,000.00", "Penalty interest", "$78.50", "Fees", "$50.00", "$12,128.50", "December 11, 2026", "December 4, 2026", "Acme Finance Ltd.", "100 Harbour Road, Springfield"];
        foreach (var text in expected.Concat(["+1 555 0100", "collections@acme.example", "Acme Finance Limited", "ACC-", "INV-2026-00", "88 Century Ave"]))
        {
            Assert.Contains(text, html);
        }

        Assert.Contains("@page", html);
        Assert.DoesNotContain(Samples.FactsFor(locale).CaseId, html);
    }

    [Theory]
    [MemberData(nameof(Notices))]
    public void A_notice_threatens_nothing_the_policy_cannot_do_next(string locale, StepAction kind)
    {
        var facts = Samples.FactsFor(locale);
        var notice = Samples.Notice(facts, kind);
        var cover = Samples.Renderer.RenderNoticeEmail(notice);
        var all = Samples.VisibleText(Samples.Renderer.RenderNotice(notice)) + Samples.VisibleText(cover.Html) + cover.PlainText + cover.Subject;

        foreach (var word in Samples.ForbiddenWords)
        {
            Assert.DoesNotContain(word, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Only_the_lawyers_letter_speaks_of_referral_to_legal()
    {
        var facts = Samples.AmericanFacts();

        Assert.Contains("referred to legal counsel", Samples.Renderer.RenderNotice(Samples.Notice(facts, StepAction.LawyerLetter)));
        Assert.DoesNotContain("legal", Samples.Renderer.RenderNotice(Samples.Notice(facts, StepAction.DemandNotice)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("移交法律顾问", Samples.Renderer.RenderNotice(Samples.Notice(Samples.ChineseFacts(), StepAction.LawyerLetter)));
        Assert.DoesNotContain("法律", Samples.Renderer.RenderNotice(Samples.Notice(Samples.ChineseFacts(), StepAction.DemandNotice)));
    }

    [Fact]
    public void The_notice_cover_email_keeps_the_subject_bare_and_carries_the_opt_out()
    {
        var cover = Samples.Renderer.RenderNoticeEmail(Samples.Notice(Samples.ChineseFacts()));

        Assert.Equal("付款提醒", cover.Subject);
        Assert.Contains("催款通知书", cover.PlainText);
        Assert.Contains("¥12,128.50", cover.PlainText);
        Assert.Contains("回复TD退订", cover.Html);
    }

    [Fact]
    public void The_supervisor_report_shows_the_case_and_the_claim()
    {
        var facts = Samples.ChineseFacts();
        var html = Samples.Renderer.RenderReport(Samples.Report(facts), null);

        Assert.Contains(facts.CaseId, html);
        Assert.Contains("¥12,128.50", html);
        Assert.Contains("内部文件", html);
        Assert.Contains("逾期天数: 14", html);
    }

    [Fact]
    public void A_step_without_its_own_template_falls_back_to_the_generic_one()
    {
        var catalog = TemplateCatalog.From([
            new TemplateSource("en-US", TemplateKind.Sms, "generic", "generic {{ reference.invoice }}"),
            new TemplateSource("en-US", TemplateKind.Sms, "first-overdue", "own {{ reference.invoice }}"),
        ]);
        var renderer = new MessageRenderer(catalog, Samples.Creditor, new ChannelOptions());

        Assert.Equal("own INV-2026-0077", renderer.RenderSms(Samples.AmericanFacts(), "first-overdue"));
        Assert.Equal("generic INV-2026-0077", renderer.RenderSms(Samples.AmericanFacts(), "pre-due-reminder"));
    }

    [Fact]
    public void A_template_that_does_not_parse_fails_when_loaded()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TemplateCatalog.From([new TemplateSource("en-US", TemplateKind.Sms, "generic", "{% if %}")]));

        Assert.Contains("en-US/Sms/generic", error.Message);
    }

    [Fact]
    public void Every_shipped_locale_has_every_generic_template()
    {
        foreach (var locale in Samples.Locales)
        {
            foreach (var kind in new[] { TemplateKind.Sms, TemplateKind.EmailSubject, TemplateKind.EmailHtml, TemplateKind.EmailText })
            {
                Assert.True(TemplateCatalog.Embedded.Contains(locale, kind, TemplateCatalog.Generic), $"{locale}/{kind}/generic");
            }

            Assert.True(TemplateCatalog.Embedded.Contains(locale, TemplateKind.Notice, "demand-notice"));
            Assert.True(TemplateCatalog.Embedded.Contains(locale, TemplateKind.Notice, "lawyer-letter"));
            Assert.True(TemplateCatalog.Embedded.Contains(locale, TemplateKind.Report, "supervisor-report"));
        }

        Assert.Equal(Samples.Locales, TemplateCatalog.Embedded.Locales);
    }
}
