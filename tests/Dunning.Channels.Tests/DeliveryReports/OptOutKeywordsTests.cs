using Dunning.Channels.DeliveryReports;

namespace Dunning.Channels.Tests.DeliveryReports;

public sealed class OptOutKeywordsTests
{
    [Theory]
    [InlineData("STOP", "STOP")]
    [InlineData(" Stop! ", "STOP")]
    [InlineData("退订", "退订")]
    [InlineData(" 退订。", "退订")]
    [InlineData("td", "TD")]
    [InlineData("ＴＤ", "TD")]
    public void GivenAnOptOutReply_WhenMatched_ThenItsKeywordIsFound(string message, string keyword) =>
        Assert.Equal(keyword, OptOutKeywords.Match(message));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("STOPPED")]
    [InlineData("please stop")]
    [InlineData("退订了吗")]
    [InlineData("TDD")]
    public void GivenAnyOtherMessage_WhenMatched_ThenNoKeywordIsFound(string? message) =>
        Assert.Null(OptOutKeywords.Match(message));
}
