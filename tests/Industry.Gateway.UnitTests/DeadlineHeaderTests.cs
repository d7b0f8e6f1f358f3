using Industry.Gateway.Proxy;
using Microsoft.AspNetCore.Http;

namespace Industry.Gateway.UnitTests;

public sealed class DeadlineHeaderTests
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(300);

    [Theory]
    [InlineData("2H", 7_200_000)]
    [InlineData("5M", 300_000)]
    [InlineData("10S", 10_000)]
    [InlineData("250m", 250)]
    [InlineData("1500u", 1.5)]
    [InlineData("99999999n", 99.9999)]
    public void Parse_EveryUnit(string value, double milliseconds) =>
        Assert.Equal(milliseconds, DeadlineHeader.Parse(value)!.Value.TotalMilliseconds, 4);

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("-5S")]
    [InlineData("123456789S")] // nine digits: the spec allows eight
    public void Parse_Invalid_IsNull(string value) => Assert.Null(DeadlineHeader.Parse(value));

    [Fact]
    public void Apply_NoDeadline_GetsTheDefault() =>
        Assert.Equal("30000m", Applied(null));

    [Fact]
    public void Apply_ShorterThanTheMaximum_IsKept() =>
        Assert.Null(Applied("45S")); // the incoming header is forwarded as it is

    [Theory]
    [InlineData("2H")]
    [InlineData("bogus")]
    public void Apply_LongerThanTheMaximumOrUnreadable_IsCut(string value) =>
        Assert.Equal("300000m", Applied(value));

    [Fact]
    public void Apply_NotGrpc_IsLeftAlone()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        using var outgoing = new HttpRequestMessage();

        DeadlineHeader.Apply(context.Request, outgoing, Default, Max);

        Assert.False(outgoing.Headers.Contains(DeadlineHeader.Name));
    }

    /// <summary>The grpc-timeout the gateway sets on the proxied request, or null when it sets none.</summary>
    private static string? Applied(string? incoming)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/grpc";
        if (incoming is not null)
        {
            context.Request.Headers[DeadlineHeader.Name] = incoming;
        }

        using var outgoing = new HttpRequestMessage();
        DeadlineHeader.Apply(context.Request, outgoing, Default, Max);
        return outgoing.Headers.TryGetValues(DeadlineHeader.Name, out var values) ? values.Single() : null;
    }
}
