using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks;

/// <summary>ListParks and ListDigitalTargets: filters, orders and keyset pages in SQL; bad input is INVALID_ARGUMENT.</summary>
public sealed class ListParksApiTests(ParksServiceFixture service) : IClassFixture<ParksServiceFixture>
{
    private Proto.ParkService.ParkServiceClient Client => new(service.Channel);

    [Fact]
    public async Task ListParks_FilterAndOrder_PagesThroughTheMatchesOnce()
    {
        // A certification year no other test of this class uses isolates the rows.
        var names = new List<string>();
        foreach (var (display, county) in new[] { ("丙园区", "340104"), ("甲园区", "340207"), ("乙园区", "340104") })
        {
            names.Add((await Client.CertifiedAsync(NewPark(displayName: display, countyCode: county), year: 2001)).Name);
        }

        await Client.CreateAsync(NewPark(displayName: "未认定园区"));

        var pages = new List<Proto.ListParksResponse>();
        var request = new Proto.ListParksRequest { Filter = "certification_year = 2001 AND state = PARK_STATE_CERTIFIED", OrderBy = "display_name desc", PageSize = 2 };
        do
        {
            pages.Add(await Client.ListParksAsync(request, Deadline));
            request.PageToken = pages[^1].NextPageToken;
        }
        while (request.PageToken.Length > 0);

        var listed = pages.SelectMany(p => p.Parks).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal(listed.Select(p => p.DisplayName).OrderDescending(StringComparer.Ordinal), listed.Select(p => p.DisplayName));
        Assert.Equal(names.Order(StringComparer.Ordinal), listed.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListParks_CityAndIndustryFilter_SelectsThem()
    {
        var wuhu = await Client.CertifiedAsync(NewPark(countyCode: "340207", leadIndustry: "industries/AUTO"), year: 2002);
        await Client.CertifiedAsync(NewPark(countyCode: "340104", leadIndustry: "industries/AUTO"), year: 2002);

        var response = await Client.ListParksAsync(new Proto.ListParksRequest { Filter = "city_code = \"340200\" AND lead_industry = \"industries/auto\" AND certification_year = 2002" }, Deadline);

        Assert.Equal(wuhu.Name, Assert.Single(response.Parks).Name);
    }

    [Theory]
    [InlineData("owner = \"x\"", "", 0, "filter")]
    [InlineData("state = CERTIFIED", "", 0, "filter")]
    [InlineData("", "county_code", 0, "order_by")]
    [InlineData("", "", -1, "page_size")]
    public async Task ListParks_BadArguments_AreInvalidArgumentOnTheField(string filter, string orderBy, int pageSize, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListParksAsync(new Proto.ListParksRequest { Filter = filter, OrderBy = orderBy, PageSize = pageSize }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task ListParks_TokenOfAnotherQuery_IsInvalidArgument()
    {
        await Client.CreateAsync();
        await Client.CreateAsync();
        var first = await Client.ListParksAsync(new Proto.ListParksRequest { PageSize = 1 }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListParksAsync(new Proto.ListParksRequest { PageSize = 1, PageToken = first.NextPageToken, OrderBy = "display_name" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
