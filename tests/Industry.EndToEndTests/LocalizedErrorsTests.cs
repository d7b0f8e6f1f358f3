using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Industry.Clusters.V1;
using Industry.Projects.V1;
using Industry.Reference.V1;
using Industry.ServiceDefaults.Errors;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// AIP-193 localized errors through the gateway (ADR 0034): with <c>accept-language: zh-CN</c> every error carries a
/// <c>google.rpc.LocalizedMessage</c> in Chinese, otherwise in English; for the services' errors, the gateway's own
/// services' and the gateway's own refusals, over gRPC and JSON.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class LocalizedErrorsTests(SuiteFixture fixture)
{
    /// <summary>Accept-language values and the locale each must get.</summary>
    private static readonly (string? Header, string Locale)[] Languages =
    [
        ("zh-CN", "zh-CN"),
        ("zh-Hans-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
        (null, "en-US"),
        ("en-US,en;q=0.9", "en-US"),
        ("fr-FR", "en-US"),
    ];

    public static TheoryData<string, string?, string> GrpcErrorsInEveryLanguage()
    {
        var data = new TheoryData<string, string?, string>();
        foreach (var error in new[] { "service-not-found", "service-invalid-argument", "gateway-service-invalid-argument", "gateway-token-missing", "gateway-method-not-found", "gateway-role-not-permitted", "service-role-not-permitted" })
        {
            foreach (var (header, locale) in Languages)
            {
                data.Add(error, header, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GrpcErrorsInEveryLanguage))]
    public async Task GrpcError_CarriesTheReasonsTextInTheCallersLanguage(string error, string? acceptLanguage, string locale)
    {
        var headers = new Metadata();
        if (acceptLanguage is not null)
        {
            headers.Add("accept-language", acceptLanguage);
        }

        var (reason, failure) = await FailAsync(error, headers);

        var status = failure.GetRpcStatus()!;
        Assert.Equal(reason, status.GetDetail<ErrorInfo>().Reason);
        var localized = status.GetDetail<LocalizedMessage>();
        Assert.NotNull(localized);
        Assert.Equal(locale, localized.Locale);
        var (english, chinese) = ErrorTexts.All[reason];
        Assert.Equal(locale == "zh-CN" ? chinese : english, localized.Message);
    }

    /// <summary>JSON errors: a service's (through the proxy), the gateway's own service's, and the gateway's refusal of a call without a token.</summary>
    public static TheoryData<string, string?, string> JsonErrorsInEveryLanguage()
    {
        var data = new TheoryData<string, string?, string>();
        foreach (var error in new[] { "service", "gateway-service", "gateway-token-missing" })
        {
            foreach (var (header, locale) in Languages)
            {
                data.Add(error, header, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonErrorsInEveryLanguage))]
    public async Task JsonError_CarriesTheReasonsTextInTheCallersLanguage(string error, string? acceptLanguage, string locale)
    {
        var (path, token, status, reason) = error switch
        {
            "service" => ("/v1/industries/NOPE", TestTokens.Viewer, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND"),
            "gateway-service" => ("/v1/divisions/320100", TestTokens.Viewer, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND"),
            _ => ("/v1/industries", (string?)null, HttpStatusCode.Unauthorized, "TOKEN_MISSING"),
        };
        using var http = token is null ? new HttpClient { BaseAddress = fixture.Suite.Gateway.HttpAddress } : TestTokens.Http(fixture.Suite.Gateway.HttpAddress, token);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        AssertLocalized(await response.Content.ReadAsStringAsync(), reason, locale);
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData(null, "en-US")]
    public async Task GrpcError_DeadlineAlreadyPassedAtTheGateway_CarriesTheLocalizedMessage(string? acceptLanguage, string locale)
    {
        using var http = new HttpClient { BaseAddress = fixture.Suite.Gateway.GrpcAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/industry.clusters.v1.ClusterService/ListIndustries")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "0S");
        request.Headers.Authorization = new("Bearer", TestTokens.Admin);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("accept-language", acceptLanguage);
        }

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var details = response.Headers.TryGetValues("grpc-status-details-bin", out var values) ? values.Single()
            : response.TrailingHeaders.GetValues("grpc-status-details-bin").Single();
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(details.PadRight(details.Length + ((4 - (details.Length % 4)) % 4), '=')));

        var localized = status.Details.Single(d => d.Is(LocalizedMessage.Descriptor)).Unpack<LocalizedMessage>();
        var reason = status.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>().Reason;
        Assert.Equal(locale, localized.Locale);
        Assert.Equal(locale == "zh-CN" ? ErrorTexts.All[reason].Chinese : ErrorTexts.All[reason].English, localized.Message);
    }

    private async Task<(string Reason, RpcException Error)> FailAsync(string error, Metadata headers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        async Task<RpcException> Refused(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
        switch (error)
        {
            case "service-not-found":
                return ("RESOURCE_NOT_FOUND", await Refused(() => new ProjectService.ProjectServiceClient(fixture.Gateway)
                    .GetProjectAsync(new GetProjectRequest { Name = "projects/no-such-project" }, headers, deadline).ResponseAsync));
            case "service-invalid-argument":
                return ("INVALID_ARGUMENT", await Refused(() => new ProjectService.ProjectServiceClient(fixture.Gateway)
                    .GetPlanAsync(new GetPlanRequest { Name = "plans/next" }, headers, deadline).ResponseAsync));
            case "gateway-service-invalid-argument":
                return ("INVALID_ARGUMENT", await Refused(() => new ReferenceService.ReferenceServiceClient(fixture.Gateway)
                    .GetDivisionAsync(new GetDivisionRequest { Name = "340100" }, headers, deadline).ResponseAsync));
            case "gateway-token-missing":
                using (var anonymous = TestTokens.AnonymousChannel(fixture.Suite.Gateway.GrpcAddress))
                {
                    return ("TOKEN_MISSING", await Refused(() => new ClusterService.ClusterServiceClient(anonymous)
                        .ListIndustriesAsync(new ListIndustriesRequest(), headers, deadline).ResponseAsync));
                }

            case "gateway-method-not-found":
                var marshaller = Grpc.Core.Marshallers.Create<Google.Protobuf.WellKnownTypes.Empty>(m => Google.Protobuf.MessageExtensions.ToByteArray(m), Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom);
                var method = new Method<Google.Protobuf.WellKnownTypes.Empty, Google.Protobuf.WellKnownTypes.Empty>(MethodType.Unary, "industry.clusters.v1.ClusterService", "NoSuchMethod", marshaller, marshaller);
                return ("METHOD_NOT_FOUND", await Refused(() => fixture.Gateway.CreateCallInvoker()
                    .AsyncUnaryCall(method, null, new CallOptions(headers, deadline), new Google.Protobuf.WellKnownTypes.Empty()).ResponseAsync));
            case "gateway-role-not-permitted":
                headers.Add("authorization", "Bearer " + TestTokens.Viewer);
                return ("ROLE_NOT_PERMITTED", await Refused(() => new ClusterService.ClusterServiceClient(fixture.Gateway)
                    .DeleteClusterAsync(new DeleteClusterRequest { Name = "clusters/none" }, headers, deadline).ResponseAsync));
            default: // a service's own refusal: the projects service called directly, as a pod behind the gateway is
                using (var direct = TestTokens.Channel(fixture.Suite.Projects.GrpcAddress, TestTokens.Viewer))
                {
                    return ("ROLE_NOT_PERMITTED", await Refused(() => new ProjectService.ProjectServiceClient(direct)
                        .DeleteProjectAsync(new DeleteProjectRequest { Name = "projects/none" }, headers, deadline).ResponseAsync));
                }
        }
    }

    private static void AssertLocalized(string body, string reason, string locale)
    {
        using var json = JsonDocument.Parse(body);
        var details = json.RootElement.GetProperty("details").EnumerateArray().ToList();
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo" && d.GetProperty("reason").GetString() == reason);
        var localized = Assert.Single(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.LocalizedMessage");
        Assert.Equal(locale, localized.GetProperty("locale").GetString());
        var (english, chinese) = ErrorTexts.All[reason];
        Assert.Equal(locale == "zh-CN" ? chinese : english, localized.GetProperty("message").GetString());
    }
}
