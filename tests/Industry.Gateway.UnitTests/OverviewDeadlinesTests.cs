using Industry.Gateway.Overview;
using Industry.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace Industry.Gateway.UnitTests;

public sealed class OverviewDeadlinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private readonly OverviewDeadlines _deadlines = new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Services:parks:DeadlineSeconds"] = "2" }).Build(),
        new FixedClock(Now));

    [Fact]
    public void NoCallerDeadline_TheServicesOwn() =>
        Assert.Equal(Now.UtcDateTime.AddSeconds(2), _deadlines.For("parks", DateTime.MaxValue));

    [Fact]
    public void LaterCallerDeadline_TheServicesOwn() =>
        Assert.Equal(Now.UtcDateTime.AddSeconds(5), _deadlines.For("projects", Now.UtcDateTime.AddSeconds(60)));

    [Fact]
    public void EarlierCallerDeadline_EndsAMarginBeforeIt() =>
        Assert.Equal(Now.UtcDateTime.AddSeconds(1) - OverviewDeadlines.Margin, _deadlines.For("parks", Now.UtcDateTime.AddSeconds(1)));

    [Fact]
    public void CallerDeadlineAlmostPassed_Now() =>
        Assert.Equal(Now.UtcDateTime, _deadlines.For("parks", Now.UtcDateTime.AddMilliseconds(100)));

    [Theory]
    [InlineData("8h", 8 * 60)]
    [InlineData("30m", 30)]
    [InlineData("2d", 2 * 24 * 60)]
    public void MintToken_Lifetimes(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DevelopmentTokens.ParseLifetime(text));

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("0h")]
    [InlineData("8w")]
    [InlineData("-1h")]
    public void MintToken_BadLifetimes(string text) => Assert.Null(DevelopmentTokens.ParseLifetime(text));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
