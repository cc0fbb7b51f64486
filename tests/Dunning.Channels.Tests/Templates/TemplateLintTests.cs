using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>The policy-validation warning for SMS that render past one segment.</summary>
public sealed class TemplateLintTests
{
    [Fact]
    public void Given_the_default_policy_Then_every_step_that_texts_is_checked_in_every_locale()
    {
        var policy = PolicyCatalog.Default.Find("default", 1)!;

        var warnings = TemplateLint.Check(policy);

        // The default letterhead is English: its name and payment instructions take 41 of the 70 UCS-2 units a Chinese
        // segment holds, so the Chinese reminders cannot fit (a Chinese letterhead can: see ChineseSmsSegmentTests).
        foreach (var (name, index) in new[] { ("pre-due-reminder", 0), ("due-day-reminder", 1), ("first-overdue", 2), ("supervisor-report", 4) })
        {
            Assert.Contains(warnings, w => w.StartsWith($"steps[{index}] ({name}): zh-CN SMS renders to ", StringComparison.Ordinal)
                && w.EndsWith(" segments", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(warnings, w => w.Contains("en-US", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("field-visit", StringComparison.Ordinal) || w.Contains("legal", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_long_payment_instruction_Then_the_english_sms_is_flagged_with_its_count()
    {
        var policy = PolicyCatalog.Default.Find("default", 1)!;
        var creditor = new CreditorOptions { PaymentInstructions = "transfer to IBAN GB33BUKB20201555555555 at Example Bank, quoting your account and invoice numbers" };
        var renderer = new MessageRenderer(TemplateCatalog.Embedded, creditor, new ChannelOptions());
        var text = renderer.RenderSms(TemplateLint.SampleFacts("en-US"), "pre-due-reminder");

        var warnings = TemplateLint.Check(policy, renderer);

        Assert.Contains($"steps[0] (pre-due-reminder): en-US SMS renders to {SmsSegments.Count(text)} segments", warnings);
        Assert.True(SmsSegments.Count(text) >= 2);
    }

    [Fact]
    public void Given_templates_that_fit_Then_there_is_no_warning()
    {
        var catalog = TemplateCatalog.From(Samples.Locales.Select(l => new TemplateSource(l, TemplateKind.Sms, TemplateCatalog.Generic, "{{ reference.invoice }}")));
        var renderer = new MessageRenderer(catalog, new CreditorOptions(), new ChannelOptions());

        Assert.Empty(TemplateLint.Check(PolicyCatalog.Default.Find("default", 1)!, renderer));
    }
}
