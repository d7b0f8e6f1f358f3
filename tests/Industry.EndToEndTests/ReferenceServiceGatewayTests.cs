using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Industry.Reference.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>Divisions and enum labels (ADR 0034) through the gateway, which hosts them: gRPC, gRPC-Web and JSON, every role.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class ReferenceServiceGatewayTests(SuiteFixture fixture)
{
    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(10));

    public static TheoryData<string> EveryRole() =>
        [TestTokens.Viewer, TestTokens.Admin, TestTokens.Mint("city_editor", "340100"), TestTokens.CountyEditor("340104")];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task ListDivisions_AnyRole_ReturnsTheProvinceItsCitiesAndCounties(string token)
    {
        using var channel = TestTokens.Channel(fixture.Suite.Gateway.GrpcAddress, token);
        var client = new ReferenceService.ReferenceServiceClient(channel);
        var all = new List<Division>();
        var pageToken = string.Empty;
        do
        {
            var page = await client.ListDivisionsAsync(new ListDivisionsRequest { PageSize = 50, PageToken = pageToken }, Options);
            Assert.Equal(121, page.TotalSize);
            all.AddRange(page.Divisions);
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);

        Assert.Equal(121, all.Select(d => d.Code).Distinct().Count());
        Assert.Equal(("divisions/340000", "安徽省", DivisionLevel.Province, ""), (all[0].Name, all[0].DisplayName, all[0].Level, all[0].Parent));
        Assert.Equal(16, all.Count(d => d.Level == DivisionLevel.City));
        Assert.Equal(104, all.Count(d => d.Level == DivisionLevel.County));
    }

    [Fact]
    public async Task ListDivisions_ParentHefei_IsItsCountiesOnly()
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var page = await client.ListDivisionsAsync(new ListDivisionsRequest { Parent = "divisions/340100" }, Options);

        Assert.Equal(page.Divisions.Count, page.TotalSize);
        Assert.Contains(page.Divisions, d => d is { Code: "340104", DisplayName: "蜀山区", Level: DivisionLevel.County, Parent: "divisions/340100" });
        Assert.All(page.Divisions, d => Assert.Equal("divisions/340100", d.Parent));
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListDivisions_LevelCity_IsThe16Cities()
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var page = await client.ListDivisionsAsync(new ListDivisionsRequest { Level = DivisionLevel.City }, Options);

        Assert.Equal(16, page.TotalSize);
        Assert.Equal("合肥市", page.Divisions[0].DisplayName);
    }

    [Theory]
    [InlineData("340100", "合肥市", DivisionLevel.City, "divisions/340000")]
    [InlineData("341882", "广德市", DivisionLevel.County, "divisions/341800")]
    public async Task GetDivision_KnownCode_IsTheDivision(string code, string name, DivisionLevel level, string parent)
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var division = await client.GetDivisionAsync(new GetDivisionRequest { Name = "divisions/" + code }, Options);

        Assert.Equal((code, name, level, parent), (division.Code, division.DisplayName, division.Level, division.Parent));
    }

    [Theory]
    [InlineData("divisions/320100", StatusCode.NotFound, null)] // Nanjing: not Anhui
    [InlineData("divisions/", StatusCode.InvalidArgument, "name")]
    [InlineData("340100", StatusCode.InvalidArgument, "name")]
    [InlineData("divisions/340100/x", StatusCode.InvalidArgument, "name")]
    public async Task GetDivision_BadName_IsAPreciseError(string name, StatusCode code, string? field)
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetDivisionAsync(new GetDivisionRequest { Name = name }, Options).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        if (field is not null)
        {
            Assert.Equal(field, error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        }
    }

    [Theory]
    [InlineData("divisions/999999", (DivisionLevel)0, StatusCode.NotFound, null)]
    [InlineData("cities/340100", (DivisionLevel)0, StatusCode.InvalidArgument, "parent")]
    [InlineData("", (DivisionLevel)9, StatusCode.InvalidArgument, "level")]
    public async Task ListDivisions_BadParentOrLevel_IsAPreciseError(string parent, DivisionLevel level, StatusCode code, string? field)
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListDivisionsAsync(new ListDivisionsRequest { Parent = parent, Level = level }, Options).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        if (field is not null)
        {
            Assert.Equal(field, error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        }
    }

    [Fact]
    public async Task ListDivisions_TokenOfAnotherParent_IsInvalidArgument()
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);
        var first = await client.ListDivisionsAsync(new ListDivisionsRequest { PageSize = 2 }, Options);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListDivisionsAsync(
            new ListDivisionsRequest { PageSize = 2, PageToken = first.NextPageToken, Parent = "divisions/340100" }, Options).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("page_token", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task ListEnumLabels_ProjectState_HasChineseAndEnglishLabels()
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var page = await client.ListEnumLabelsAsync(new ListEnumLabelsRequest { EnumType = "industry.projects.v1.ProjectState" }, Options);

        var underConstruction = Assert.Single(page.Labels, l => l.Value == "PROJECT_STATE_UNDER_CONSTRUCTION");
        Assert.Equal((2, "在建", "Under construction"), (underConstruction.Number, underConstruction.DisplayName, underConstruction.EnglishName));
        Assert.Equal(page.Labels.Count, page.TotalSize);
        Assert.All(page.Labels, l => Assert.Equal("industry.projects.v1.ProjectState", l.EnumType));
    }

    [Fact]
    public async Task ListEnumLabels_UnknownEnum_IsInvalidArgumentOnEnumType()
    {
        var client = new ReferenceService.ReferenceServiceClient(fixture.Gateway);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListEnumLabelsAsync(new ListEnumLabelsRequest { EnumType = "google.rpc.Code" }, Options).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("enum_type", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Json_DivisionsAndLabels_AreServedByTheGateway()
    {
        using var http = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Viewer);

        using var counties = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/divisions?parent=divisions/340100", UriKind.Relative)));
        using var division = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/divisions/341800", UriKind.Relative)));
        using var labels = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/enumLabels?enumType=industry.clusters.v1.QualificationType&pageSize=2", UriKind.Relative)));
        using var missing = await http.GetAsync(new Uri("/v1/divisions/320100", UriKind.Relative));

        Assert.Contains(counties.RootElement.GetProperty("divisions").EnumerateArray(), d => d.GetProperty("displayName").GetString() == "蜀山区");
        Assert.Equal(("宣城市", "DIVISION_LEVEL_CITY"), (division.RootElement.GetProperty("displayName").GetString(), division.RootElement.GetProperty("level").GetString()));
        Assert.Equal(2, labels.RootElement.GetProperty("labels").GetArrayLength());
        Assert.Equal(Enum.GetValues<Industry.Clusters.V1.QualificationType>().Length, labels.RootElement.GetProperty("totalSize").GetInt32());
        Assert.NotEmpty(labels.RootElement.GetProperty("nextPageToken").GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GrpcWeb_ListDivisions_Works()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Suite.Gateway.HttpAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var client = new ReferenceService.ReferenceServiceClient(channel);

        var page = await client.ListDivisionsAsync(new ListDivisionsRequest { Level = DivisionLevel.City }, TestTokens.Bearer(TestTokens.Viewer), DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(16, page.Divisions.Count);
    }

    [Fact]
    public async Task ListDivisions_WithoutToken_IsUnauthenticated()
    {
        using var channel = TestTokens.AnonymousChannel(fixture.Suite.Gateway.GrpcAddress);

        var error = await Assert.ThrowsAsync<RpcException>(() => new ReferenceService.ReferenceServiceClient(channel).ListDivisionsAsync(new ListDivisionsRequest(), Options).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
