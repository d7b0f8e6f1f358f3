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

    [Theory]
    [InlineData("0S")]
    [InlineData("0m")]
    [InlineData("50n")] // under a tick: zero once parsed
    [InlineData("999u")]
    public void IsTooShort_ZeroOrUnderTheMinimum(string value) =>
        Assert.True(DeadlineHeader.IsTooShort(Grpc(value).Request, TimeSpan.FromMilliseconds(1)));

    [Theory]
    [InlineData("1m")]
    [InlineData("1000u")]
    [InlineData("30S")]
    [InlineData("bogus")] // unreadable: cut to the maximum, not refused
    public void IsTooShort_NotForTheMinimumOrMore(string value) =>
        Assert.False(DeadlineHeader.IsTooShort(Grpc(value).Request, TimeSpan.FromMilliseconds(1)));

    [Theory]
    [InlineData(null, 30_000)]
    [InlineData("45S", 45_000)]
    [InlineData("2H", 300_000)]
    [InlineData("bogus", 300_000)]
    public void ForJson_TheDefault_OrTheAskedDeadlineUpToTheMaximum(string? value, double milliseconds)
    {
        var context = new DefaultHttpContext();
        if (value is not null)
        {
            context.Request.Headers[DeadlineHeader.Name] = value;
        }

        Assert.Equal(milliseconds, DeadlineHeader.ForJson(context.Request, Default, Max).TotalMilliseconds);
    }

    [Theory]
    [InlineData("application/grpc", "0S")]
    [InlineData("application/grpc", "50n")]
    [InlineData("application/json", "0S")]
    public async Task Middleware_ADeadlineUnderTheMinimum_IsDeadlineExceededAndNotForwarded(string contentType, string value)
    {
        var context = Grpc(value);
        context.Request.ContentType = contentType;
        context.Response.Body = new MemoryStream();
        var forwarded = false;

        await new DeadlineMiddleware(_ => { forwarded = true; return Task.CompletedTask; }, new GatewayOptions()).InvokeAsync(context);

        Assert.False(forwarded);
        if (contentType == "application/grpc")
        {
            Assert.Equal("4", context.Response.Headers["grpc-status"].ToString()); // DEADLINE_EXCEEDED
        }
        else
        {
            Assert.Equal(StatusCodes.Status504GatewayTimeout, context.Response.StatusCode);
        }
    }

    [Fact]
    public async Task Middleware_AJsonCallOverItsDeadline_IsCancelledAndAnswered504()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Headers[DeadlineHeader.Name] = "200m";
        context.Response.Body = new MemoryStream();
        var cancelled = false;

        await new DeadlineMiddleware(async c =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                cancelled = true; // as YARP does: the forward ends with the cancelled request, without an answer
                c.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }, new GatewayOptions()).InvokeAsync(context);

        Assert.True(cancelled);
        Assert.Equal(StatusCodes.Status504GatewayTimeout, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains(DeadlineMiddleware.ExceededReason, await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_AJsonCallWithinItsDeadline_IsLeftAlone()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";

        await new DeadlineMiddleware(c => { c.Response.StatusCode = StatusCodes.Status200OK; return Task.CompletedTask; }, new GatewayOptions()).InvokeAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static DefaultHttpContext Grpc(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/grpc";
        context.Request.Headers[DeadlineHeader.Name] = value;
        return context;
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
