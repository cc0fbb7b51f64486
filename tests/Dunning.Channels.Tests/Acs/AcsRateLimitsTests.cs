using System.Diagnostics;
using Dunning.Channels.Acs;

namespace Dunning.Channels.Tests.Acs;

public sealed class AcsRateLimitsTests
{
    [Fact]
    public async Task GivenFiveSmsPerSecond_WhenSevenWait_ThenFiveGoAtOnceAndTheRestAfterTheNextSecond()
    {
        using var limits = new AcsRateLimits(new AcsOptions { SmsPerSecond = 5, EmailPerSecond = 0 });
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await limits.WaitForSmsAsync();
        }

        var burst = watch.Elapsed;
        await limits.WaitForSmsAsync();
        await limits.WaitForSmsAsync();

        Assert.True(burst < TimeSpan.FromMilliseconds(500), $"the first five took {burst}");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700), $"seven took only {watch.Elapsed}");
    }

    [Fact]
    public async Task GivenNoEmailLimit_WhenManyWait_ThenNoneIsHeld()
    {
        using var limits = new AcsRateLimits(new AcsOptions { SmsPerSecond = 1, EmailPerSecond = 0 });
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => limits.WaitForEmailAsync()));

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500));
    }

    [Theory]
    [InlineData(0.5, 1, 2.0)]
    [InlineData(3, 3, 1.0)]
    public void GivenRate_WhenTheBucketIsBuilt_ThenItHoldsOneSecondsWorth(double perSecond, int tokens, double periodSeconds)
    {
        using var bucket = AcsRateLimits.Create(perSecond)!;

        Assert.Equal(tokens, bucket.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(TimeSpan.FromSeconds(periodSeconds), bucket.ReplenishmentPeriod);
    }
}
