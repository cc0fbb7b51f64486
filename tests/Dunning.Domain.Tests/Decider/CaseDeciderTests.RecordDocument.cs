namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string NoticeLocation = "evidence/ACC-1001/INV-2026-1120/k1-demand-notice.pdf";
    private const string NoticeHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Theory]
    [InlineData(Standing.Active)]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenAnyCase_WhenAChannelStoresADocument_ThenItsLocationAndHashAreKeptAsEvidence(Standing standing)
    {
        Given(standing);
        var now = Shanghai(11, 22, 11);

        When(new RecordDocument(now, DocumentKind.DemandNotice, "k1", NoticeLocation, NoticeHash));

        Then(new DocumentStored(now, DocumentKind.DemandNotice, "k1", NoticeLocation, NoticeHash));
        ThenNoNewTimer();
        Assert.Equal(_state!.Status, After!.Status);
    }

    [Fact]
    public void GivenTheDemandNoticeWentOut_WhenItsRenderedLetterIsStored_ThenTheEvidenceNamesTheNotice()
    {
        Given(LadderThrough("supervisor-report"));
        WhenTheTimerFires();
        GivenTheOutcome();
        var notice = Assert.Single(_history.OfType<NoticeIssued>());
        var now = Shanghai(12, 4, 9, 2);

        When(new RecordDocument(now, DocumentKind.DemandNotice, notice.ContactId, NoticeLocation, NoticeHash));

        Then(new DocumentStored(now, DocumentKind.DemandNotice, "k1", NoticeLocation, NoticeHash));
    }

    [Fact]
    public void GivenNoCase_WhenADocumentIsRecorded_ThenItIsRejected()
    {
        When(new RecordDocument(Shanghai(11, 22, 11), DocumentKind.LegalDossier, null, NoticeLocation, NoticeHash));

        ThenRejected("There is no such case.");
    }
}
