using Dunning.Channels.Handlers;
using Dunning.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests;

/// <summary>SMS and e-mail handlers with recording providers: what is sent, under which key, and what comes back.</summary>
public sealed class MessageHandlerTests
{
    private readonly RecordingSmsProvider _sms = new();
    private readonly RecordingEmailProvider _email = new();

    [Fact]
    public async Task Given_an_accepted_sms_When_handled_twice_Then_the_same_text_goes_out_under_the_same_key_and_nothing_comes_back()
    {
        var handler = new SendSmsHandler(Samples.Renderer, _sms, NullLogger<SendSmsHandler>.Instance);
        var effect = new SendSms("k3", "first-overdue", "+8613800138000", Samples.ChineseFacts(), null);
        var context = ChannelHarness.Context("c1", 7, effect);

        var first = await handler.HandleAsync(context);
        var second = await handler.HandleAsync(context);

        Assert.Empty(first.FollowUps);
        Assert.Empty(second.FollowUps);
        Assert.Equal(2, _sms.Sent.Count);
        Assert.All(_sms.Sent, s => Assert.Equal(("c1:0000000007", "k3", "+8613800138000"), (s.IdempotencyKey, s.ContactId, s.To)));
        Assert.Single(_sms.Sent.Select(s => s.Body).Distinct());
        Assert.Contains("回复TD退订", _sms.Sent.First().Body);
    }

    [Fact]
    public async Task Given_a_rejected_sms_Then_a_failed_delivery_goes_back_to_the_case_so_it_falls_back_to_email()
    {
        _sms.Answer = _ => new SmsReceipt("", false, "invalid number");
        var handler = new SendSmsHandler(Samples.Renderer, _sms, NullLogger<SendSmsHandler>.Instance);
        var context = ChannelHarness.Context("c1", 8, new SendSms("k4", "pre-due-reminder", "+15550100", Samples.AmericanFacts(), null));

        var first = await handler.HandleAsync(context);
        var second = await handler.HandleAsync(context);

        var failed = Assert.IsType<ReportDelivery>(Assert.Single(first.FollowUps));
        Assert.Equal(("k4", ContactChannel.Sms, false, "invalid number"), (failed.ContactId, failed.Channel, failed.Succeeded, failed.Detail));
        Assert.Equal(first.FollowUps, second.FollowUps);
    }

    [Fact]
    public async Task Given_an_email_Then_subject_html_and_text_go_to_the_debtor_under_the_effect_key()
    {
        var handler = new SendEmailHandler(Samples.Renderer, _email, NullLogger<SendEmailHandler>.Instance);
        var context = ChannelHarness.Context("c2", 3, new SendEmail("k2", "due-day-reminder", "jane@example.com", Samples.AmericanFacts(), null));

        var outcome = await handler.HandleAsync(context);

        Assert.Empty(outcome.FollowUps);
        var sent = Assert.Single(_email.Sent);
        Assert.Equal(("c2:0000000003", "jane@example.com", "Payment reminder"), (sent.IdempotencyKey, sent.To, sent.Subject));
        Assert.Contains("is due today", sent.PlainText);
        Assert.Contains("<p>", sent.Html);
        Assert.Empty(sent.Attachments);
    }

    [Fact]
    public async Task Given_a_failed_email_Then_a_failed_delivery_goes_back_to_the_case()
    {
        _email.Answer = _ => new EmailReceipt("op-1", false, "Failed", "mailbox unavailable");
        var handler = new SendEmailHandler(Samples.Renderer, _email, NullLogger<SendEmailHandler>.Instance);
        var context = ChannelHarness.Context("c2", 4, new SendEmail("k5", "first-overdue", "jane@example.com", Samples.AmericanFacts(), "k4"));

        var outcome = await handler.HandleAsync(context);

        var failed = Assert.IsType<ReportDelivery>(Assert.Single(outcome.FollowUps));
        Assert.Equal(("k5", ContactChannel.Email, false), (failed.ContactId, failed.Channel, failed.Succeeded));
        Assert.Equal(outcome.FollowUps, (await handler.HandleAsync(context)).FollowUps);
    }

    [Fact]
    public void Each_handler_claims_only_its_own_effect()
    {
        IEffectHandler sms = new SendSmsHandler(Samples.Renderer, _sms, NullLogger<SendSmsHandler>.Instance);
        IEffectHandler email = new SendEmailHandler(Samples.Renderer, _email, NullLogger<SendEmailHandler>.Instance);
        var smsEffect = new SendSms("k1", "s", "+1", Samples.AmericanFacts(), null);
        var emailEffect = new SendEmail("k1", "s", "a@b.c", Samples.AmericanFacts(), null);

        Assert.True(sms.CanHandle(smsEffect));
        Assert.False(sms.CanHandle(emailEffect));
        Assert.True(email.CanHandle(emailEffect));
        Assert.False(email.CanHandle(new CancelOpenWork("closed")));
    }
}
