using System.Net;
using Industry.Cli.Gateway;
using Industry.Cli.Texts;

namespace Industry.Cli.UnitTests;

public sealed class GatewayErrorTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.Auth)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.Auth)]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.PreconditionFailed, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.Failed)]
    [InlineData(HttpStatusCode.NotImplemented, ExitCodes.Failed)]
    public void ExitCode_OfEveryHttpStatus(HttpStatusCode status, int exitCode) => Assert.Equal(exitCode, GatewayClient.ExitCodeOf(status));

    [Fact]
    public void ErrorAnswer_ShowsTheLocalizedMessage_AndKeepsTheReason()
    {
        const string body = """
            {"code":16,"message":"The token's signature is invalid.","details":[
              {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TOKEN_INVALID","domain":"industry.anhui.gov.cn"},
              {"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"zh-CN","message":"令牌无效"}]}
            """;

        var error = GatewayClient.ErrorAnswer(HttpStatusCode.Unauthorized, body, CliLanguage.Chinese);

        Assert.Equal(ExitCodes.Auth, error.ExitCode);
        Assert.Equal("TOKEN_INVALID", error.Reason);
        Assert.Equal("令牌无效 (The token's signature is invalid.)", error.Message);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"details\":\"not an array\"}")]
    public void ErrorAnswer_OfABodyThatIsNoStatus_StillNamesTheHttpStatus(string body)
    {
        var error = GatewayClient.ErrorAnswer(HttpStatusCode.BadGateway, body, CliLanguage.English);

        Assert.Equal(ExitCodes.Unavailable, error.ExitCode);
        Assert.Null(error.Reason);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }
}
