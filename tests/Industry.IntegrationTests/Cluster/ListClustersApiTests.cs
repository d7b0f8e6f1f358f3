using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// ListClusters on PostgreSQL: filters, orders and keyset pages. Each test gives its clusters a host park of its own
/// and filters on it, so that it sees only the rows it created.
/// </summary>
public sealed class ListClustersApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task ListClusters_DefaultOrder_PagesThroughEveryMatchNewestFirst()
    {
        var park = NewId("parks/list");
        var created = new List<Proto.Cluster>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await Client.CreateAsync(NewCluster(park, $"集群{i}")));
        }

        var pages = await AllPagesAsync($"host_park = \"{park}\"", orderBy: "", pageSize: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(created.Select(c => c.Name).Reverse(), pages.SelectMany(p => p).Select(c => c.Name));
        Assert.Equal(created[^1], pages[0][0]);
    }

    [Fact]
    public async Task ListClusters_OrderByDisplayNameWithTies_BreaksTiesByNameAcrossPages()
    {
        var park = NewId("parks/order");
        var names = new List<string>();
        foreach (var displayName in new[] { "B区集群", "A区集群", "B区集群", "A区集群", "B区集群" })
        {
            names.Add((await Client.CreateAsync(NewCluster(park, displayName))).Name);
        }

        var listed = (await AllPagesAsync($"host_park = \"{park}\"", "display_name, create_time desc", pageSize: 1)).SelectMany(p => p).ToList();

        Assert.Equal(5, listed.Count);
        Assert.Equal(listed.OrderBy(c => c.DisplayName, StringComparer.Ordinal).ThenByDescending(c => c.CreateTime), listed);
        Assert.Equal(names.Order(StringComparer.Ordinal), listed.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListClusters_OrderByRecognitionYearDesc_PagesWithoutGapsOrRepeats()
    {
        var park = NewId("parks/years");
        var cultivating = await Client.CreateAsync(NewCluster(park));
        var y2022 = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster(park)), Proto.ClusterLevel.Provincial, 2022);
        var y2023a = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster(park)), Proto.ClusterLevel.Provincial, 2023);
        var y2023b = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster(park)), Proto.ClusterLevel.National, 2023);

        var listed = (await AllPagesAsync($"host_park = \"{park}\"", "recognition_year desc", pageSize: 1)).SelectMany(p => p).Select(c => c.Name).ToList();

        var tied = new[] { y2023a.Name, y2023b.Name }.Order(StringComparer.Ordinal);
        Assert.Equal([.. tied, y2022.Name, cultivating.Name], listed);
    }

    [Fact]
    public async Task ListClusters_FilterOnStateLevelKindCityAndYear_ReturnsOnlyTheMatches()
    {
        var park = NewId("parks/filter");
        var sme = NewCluster(park);
        sme.Kind = Proto.ClusterKind.SmeCharacteristic;
        sme.LeadDivisionCode = "340207"; // Wuhu
        var provincialSme = await Client.RecognizeAsync(await Client.CreateAsync(sme), Proto.ClusterLevel.Provincial, 2023);
        var nationalAdvanced = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster(park)), Proto.ClusterLevel.National, 2024);
        var cultivating = await Client.CreateAsync(NewCluster(park));

        async Task<IEnumerable<string>> NamesAsync(string filter) =>
            (await AllPagesAsync($"host_park = \"{park}\" AND {filter}", "display_name", 50)).SelectMany(p => p).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal([provincialSme.Name], await NamesAsync("kind = CLUSTER_KIND_SME_CHARACTERISTIC AND state = CLUSTER_STATE_RECOGNIZED AND city_code = \"340200\""));
        Assert.Equal([nationalAdvanced.Name], await NamesAsync("level = CLUSTER_LEVEL_NATIONAL"));
        Assert.Equal([cultivating.Name], await NamesAsync("state != CLUSTER_STATE_RECOGNIZED"));
        Assert.Equal([nationalAdvanced.Name], await NamesAsync("recognition_year >= 2024"));
        Assert.Equal(new[] { provincialSme.Name, nationalAdvanced.Name }.Order(StringComparer.Ordinal), await NamesAsync("recognition_year > 0 AND industry = \"industries/AUTO\""));
        Assert.Equal(new[] { cultivating.Name, nationalAdvanced.Name }.Order(StringComparer.Ordinal), await NamesAsync("lead_division_code = \"340104\""));
    }

    [Theory]
    [InlineData("colour = \"red\"", "", "filter")]                             // unknown field
    [InlineData("state = CLUSTER_STATE_DELETED", "", "filter")]                // unknown value
    [InlineData("state = \"CLUSTER_STATE_RECOGNIZED\"", "", "filter")]         // an enum is bare
    [InlineData("state > CLUSTER_STATE_CULTIVATING", "", "filter")]            // enums take = and != only
    [InlineData("city_code = 340100", "", "filter")]                           // a string is quoted
    [InlineData("recognition_year = \"2023\"", "", "filter")]                  // a number is bare
    [InlineData("kind = CLUSTER_KIND_SME_CHARACTERISTIC OR level = CLUSTER_LEVEL_NATIONAL", "", "filter")]
    [InlineData("", "update_time", "order_by")]
    [InlineData("", "display_name asc", "order_by")]
    [InlineData("", "display_name, display_name desc", "order_by")]
    public async Task ListClusters_BadFilterOrOrder_IsInvalidArgumentOnThatField(string filter, string orderBy, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListClustersAsync(new Proto.ListClustersRequest { Filter = filter, OrderBy = orderBy }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task ListClusters_TokenWithAnotherFilterOrAlteredOrNegativePageSize_IsInvalidArgument()
    {
        var park = NewId("parks/token");
        await Client.CreateAsync(NewCluster(park));
        await Client.CreateAsync(NewCluster(park));
        var first = await Client.ListClustersAsync(new Proto.ListClustersRequest { Filter = $"host_park = \"{park}\"", PageSize = 1 }, Deadline);

        var otherFilter = await Assert.ThrowsAsync<RpcException>(() => Client.ListClustersAsync(
            new Proto.ListClustersRequest { Filter = "state = CLUSTER_STATE_CULTIVATING", PageSize = 1, PageToken = first.NextPageToken }, Deadline).ResponseAsync);
        var otherOrder = await Assert.ThrowsAsync<RpcException>(() => Client.ListClustersAsync(
            new Proto.ListClustersRequest { Filter = $"host_park = \"{park}\"", OrderBy = "display_name", PageSize = 1, PageToken = first.NextPageToken }, Deadline).ResponseAsync);
        var altered = await Assert.ThrowsAsync<RpcException>(() => Client.ListClustersAsync(
            new Proto.ListClustersRequest { Filter = $"host_park = \"{park}\"", PageSize = 1, PageToken = "x" + first.NextPageToken }, Deadline).ResponseAsync);
        var negative = await Assert.ThrowsAsync<RpcException>(() => Client.ListClustersAsync(new Proto.ListClustersRequest { PageSize = -1 }, Deadline).ResponseAsync);

        Assert.All(new[] { otherFilter, otherOrder, altered, negative }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
    }

    [Fact]
    public async Task ListClusters_NoMatch_IsEmptyWithoutToken()
    {
        var response = await Client.ListClustersAsync(new Proto.ListClustersRequest { Filter = $"host_park = \"{NewId("parks/none")}\"" }, Deadline);

        Assert.Empty(response.Clusters);
        Assert.Empty(response.NextPageToken);
    }

    private async Task<List<List<Proto.Cluster>>> AllPagesAsync(string filter, string orderBy, int pageSize)
    {
        var pages = new List<List<Proto.Cluster>>();
        var token = string.Empty;
        do
        {
            var response = await Client.ListClustersAsync(new Proto.ListClustersRequest { Filter = filter, OrderBy = orderBy, PageSize = pageSize, PageToken = token }, Deadline);
            pages.Add([.. response.Clusters]);
            token = response.NextPageToken;
            Assert.True(pages.Count <= 100, "the pages never end");
        }
        while (token.Length > 0);

        return pages;
    }
}
