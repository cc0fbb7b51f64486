using System.Security.Cryptography;
using System.Text;
using Dunning.Channels.Handlers;
using Dunning.Channels.Hosting;
using Dunning.Channels.Templates;
using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests;

/// <summary>Written notices: stored once as evidence, e-mailed with the stored bytes, queued for post once, hash reported.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoticeHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Given_a_demand_notice_When_handled_twice_Then_one_blob_one_email_key_one_letter_and_the_same_hash()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var handler = Handler(h, Samples.Renderer);
        var effect = Samples.Notice(Samples.ChineseFacts("c20"));
        var context = ChannelHarness.Context("c20", 11, effect);

        var first = await handler.HandleAsync(context);
        var second = await handler.HandleAsync(context);

        Assert.Equal(first.FollowUps, second.FollowUps);
        var recorded = Assert.IsType<RecordDocument>(Assert.Single(first.FollowUps));
        Assert.Equal(("cases/c20/k9-demand-notice.html", DocumentKind.DemandNotice, "k9"),
            (Assert.Single(await h.BlobsAsync("c20")), recorded.Kind, recorded.ContactId));
        Assert.Equal($"{h.Storage.Names.Documents}/cases/c20/k9-demand-notice.html", recorded.Location);
        var stored = (await h.Documents.ReadAsync("cases/c20/k9-demand-notice.html"))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), recorded.Sha256);
        Assert.Contains("催款通知书", Encoding.UTF8.GetString(stored));

        Assert.All(h.Email.Sent, e => Assert.Equal(("c20:0000000011", "debtor@example.com", "付款提醒"), (e.IdempotencyKey, e.To, e.Subject)));
        var attachment = Assert.Single(h.Email.Sent.First().Attachments);
        Assert.Equal(stored, attachment.Content);

        var letter = Assert.Single(await h.Print.PeekAsync()).Letter;
        Assert.Equal(("c20", "k9", "demand-notice", recorded.Location, recorded.Sha256), (letter.CaseId, letter.ContactId, letter.Kind, letter.Document, letter.Sha256));
        Assert.Equal(("李伟", "88 Century Ave, Pudong, Shanghai", "c20:0000000011"), (letter.Recipient, letter.Address, letter.IdempotencyKey));
    }

    [Fact]
    public async Task Given_a_stored_notice_When_the_letterhead_changes_before_a_retry_Then_the_first_document_stays_the_evidence()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var effect = Samples.Notice(Samples.AmericanFacts("c21"), StepAction.LawyerLetter);
        var context = ChannelHarness.Context("c21", 12, effect);
        var first = await Handler(h, Samples.Renderer).HandleAsync(context);

        var renamed = new MessageRenderer(TemplateCatalog.Embedded, new CreditorOptions { Name = "Renamed Creditor" }, new ChannelOptions());
        var retry = await Handler(h, renamed).HandleAsync(context);

        Assert.Equal(first.FollowUps, retry.FollowUps);
        var stored = Encoding.UTF8.GetString((await h.Documents.ReadAsync("cases/c21/k9-lawyer-letter.html"))!);
        Assert.Contains("Acme Finance Ltd.", stored);
        Assert.DoesNotContain("Renamed Creditor", stored);
        Assert.Equal(DocumentKind.LawyerLetter, Assert.IsType<RecordDocument>(Assert.Single(retry.FollowUps)).Kind);
    }

    [Fact]
    public async Task Given_no_email_and_no_postal_address_Then_the_notice_is_still_stored_and_recorded()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var effect = Samples.Notice(Samples.ChineseFacts("c22"), email: null, address: null);

        var outcome = await Handler(h, Samples.Renderer).HandleAsync(ChannelHarness.Context("c22", 2, effect));

        Assert.Single(outcome.FollowUps);
        Assert.Single(await h.BlobsAsync("c22"));
        Assert.Empty(h.Email.Sent);
        Assert.Empty(await h.Print.PeekAsync());
    }

    [Fact]
    public async Task Given_a_supervisor_report_When_handled_twice_Then_one_report_is_stored_and_recorded_with_its_hash()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var handler = new SupervisorReportHandler(Samples.Renderer, h.Documents, h.Cases, NullLogger<SupervisorReportHandler>.Instance);
        var context = ChannelHarness.Context("c23", 17, Samples.Report(Samples.ChineseFacts("c23")));

        var first = await handler.HandleAsync(context);
        var second = await handler.HandleAsync(context);

        Assert.Equal(first.FollowUps, second.FollowUps);
        var recorded = Assert.IsType<RecordDocument>(Assert.Single(first.FollowUps));
        Assert.Equal((DocumentKind.SupervisorReport, (string?)null), (recorded.Kind, recorded.ContactId));
        var blob = Assert.Single(await h.BlobsAsync("c23"));
        Assert.Equal("cases/c23/supervisor-report-0000000017.html", blob);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData((await h.Documents.ReadAsync(blob))!)), recorded.Sha256);
    }

    private static NoticeHandler Handler(ChannelHarness h, MessageRenderer renderer) =>
        new(renderer, h.Documents, h.Print, h.Email, NullLogger<NoticeHandler>.Instance);
}
