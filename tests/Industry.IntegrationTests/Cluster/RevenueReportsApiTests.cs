using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>Cluster revenue reports over gRPC on PostgreSQL: one per period, replaced by etag, with the year-on-year growth.</summary>
public sealed class RevenueReportsApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    private Task<Proto.RevenueReport> ReportAsync(string cluster, string period, long yuan, string etag = "", int enterprises = 0) =>
        Client.ReportClusterRevenueAsync(
            new Proto.ReportClusterRevenueRequest { Parent = cluster, Period = period, YearToDateRevenueYuan = yuan, EnterpriseCount = enterprises, Etag = etag, Note = "统计快报" },
            Deadline).ResponseAsync;

    private Task<Proto.RevenueReport> GetAsync(string name) => Client.GetRevenueReportAsync(new Proto.GetRevenueReportRequest { Name = name }, Deadline).ResponseAsync;

    [Fact]
    public async Task ReportClusterRevenue_SamePeriodAYearLater_HasTheYearOnYearGrowth()
    {
        var cluster = await Client.CreateAsync(NewCluster());

        var base2022 = await ReportAsync(cluster.Name, "2022-10", 80_000_000_000, enterprises: 150);
        var current = await ReportAsync(cluster.Name, "2023-10", 100_000_000_000);

        Assert.Equal($"{cluster.Name}/revenueReports/2023-10", current.Name);
        Assert.Equal(("2023-10", 80_000_000_000L, 25.0), (current.Period, current.PreviousYearRevenueYuan, current.YearOverYearGrowthPercent));
        Assert.False(base2022.HasPreviousYearRevenueYuan);
        Assert.False(base2022.HasYearOverYearGrowthPercent);
        Assert.Equal(150, base2022.EnterpriseCount);
        Assert.Equal(current, await GetAsync(current.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterRevenueReported' AND (body::jsonb -> 'revenueReport' ->> 'yearOverYearGrowthPercent')::float = 25",
            current.Name));
    }

    [Fact]
    public async Task GetRevenueReport_BaseReportedAfterwards_GrowthIsComputedOnRead()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var current = await ReportAsync(cluster.Name, "2023-12", 3_000);

        await ReportAsync(cluster.Name, "2022-12", 4_000);

        Assert.False(current.HasYearOverYearGrowthPercent);
        Assert.Equal(-25.0, (await GetAsync(current.Name)).YearOverYearGrowthPercent);
    }

    [Fact]
    public async Task ReportClusterRevenue_ZeroBase_HasThePreviousFigureButNoGrowth()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        await ReportAsync(cluster.Name, "2022-06", 0);

        var current = await ReportAsync(cluster.Name, "2023-06", 1_000);

        Assert.Equal(0, current.PreviousYearRevenueYuan);
        Assert.True(current.HasPreviousYearRevenueYuan);
        Assert.False(current.HasYearOverYearGrowthPercent);
    }

    [Fact]
    public async Task ReportClusterRevenue_SamePeriodAgain_NeedsTheCurrentEtag()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var first = await ReportAsync(cluster.Name, "2023-05", 10_000_000);

        var withoutEtag = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(cluster.Name, "2023-05", 12_000_000));
        var replaced = await ReportAsync(cluster.Name, "2023-05", 12_000_000, first.Etag);
        var stale = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(cluster.Name, "2023-05", 15_000_000, first.Etag));

        Assert.Equal(StatusCode.AlreadyExists, withoutEtag.StatusCode);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal((12_000_000L, "W/\"2\"", first.CreateTime), (replaced.YearToDateRevenueYuan, replaced.Etag, replaced.CreateTime));
        Assert.Equal(replaced, await GetAsync(first.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND subject_version = 2 AND body::jsonb -> 'previousRevenueReport' ->> 'yearToDateRevenueYuan' = '10000000'",
            first.Name));
    }

    [Theory]
    [InlineData("2099-01", 1, 0, "period")]   // in the future
    [InlineData("2023-13", 1, 0, "period")]
    [InlineData("2023", 1, 0, "period")]
    [InlineData("2023-01", -1, 0, "year_to_date_revenue_yuan")]
    [InlineData("2023-01", 1, -5, "enterprise_count")]
    public async Task ReportClusterRevenue_AgainstTheRules_IsInvalidArgumentAndStoresNothing(string period, long yuan, int enterprises, string field)
    {
        var cluster = await Client.CreateAsync(NewCluster());

        var error = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(cluster.Name, period, yuan, enterprises: enterprises));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM revenue_reports WHERE cluster_id = @p0", cluster.Name["clusters/".Length..]));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject LIKE @p0", cluster.Name + "/%"));
    }

    [Fact]
    public async Task ReportClusterRevenue_UnknownCluster_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ReportAsync("clusters/" + NewId("missing"), "2023-01", 1));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("clusters/x/revenueReports/2023-1", StatusCode.InvalidArgument)]
    [InlineData("clusters/x/investmentReports/2023-01", StatusCode.InvalidArgument)]
    [InlineData("clusters/x/revenueReports/2023-01", StatusCode.NotFound)]
    public async Task GetRevenueReport_MalformedOrMissing_IsInvalidArgumentOrNotFound(string name, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GetAsync(name));

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task ListRevenueReports_OneCluster_LatestFirstInPagesWithAPeriodFilter()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        foreach (var period in new[] { "2022-12", "2023-03", "2023-12", "2023-06", "2024-01" })
        {
            await ReportAsync(cluster.Name, period, 1_000);
        }

        var first = await Client.ListRevenueReportsAsync(new Proto.ListRevenueReportsRequest { Parent = cluster.Name, PageSize = 2 }, Deadline);
        var second = await Client.ListRevenueReportsAsync(new Proto.ListRevenueReportsRequest { Parent = cluster.Name, PageSize = 2, PageToken = first.NextPageToken }, Deadline);
        var third = await Client.ListRevenueReportsAsync(new Proto.ListRevenueReportsRequest { Parent = cluster.Name, PageSize = 2, PageToken = second.NextPageToken }, Deadline);
        var year2023 = await Client.ListRevenueReportsAsync(
            new Proto.ListRevenueReportsRequest { Parent = cluster.Name, Filter = "period >= \"2023-01\" AND period <= \"2023-12\"" }, Deadline);

        Assert.Equal(["2024-01", "2023-12", "2023-06", "2023-03", "2022-12"], new[] { first, second, third }.SelectMany(p => p.RevenueReports).Select(r => r.Period));
        Assert.Empty(third.NextPageToken);
        Assert.Equal(["2023-12", "2023-06", "2023-03"], year2023.RevenueReports.Select(r => r.Period));
        Assert.Equal(0.0, year2023.RevenueReports[0].YearOverYearGrowthPercent); // 2023-12 against 2022-12
    }

    [Fact]
    public async Task ListRevenueReports_EveryCluster_ByClusterThenLatestPeriod()
    {
        var a = await Client.CreateAsync(NewCluster(), "a-" + Guid.NewGuid().ToString("N"));
        var b = await Client.CreateAsync(NewCluster(), "b-" + Guid.NewGuid().ToString("N"));
        await ReportAsync(b.Name, "2023-01", 1);
        await ReportAsync(a.Name, "2023-01", 1);
        await ReportAsync(a.Name, "2023-02", 1);

        var mine = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListRevenueReportsAsync(new Proto.ListRevenueReportsRequest { Parent = "clusters/-", PageSize = 2, PageToken = token }, Deadline);
            mine.AddRange(page.RevenueReports.Select(r => r.Name).Where(n => n.StartsWith(a.Name + "/", StringComparison.Ordinal) || n.StartsWith(b.Name + "/", StringComparison.Ordinal)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([$"{a.Name}/revenueReports/2023-02", $"{a.Name}/revenueReports/2023-01", $"{b.Name}/revenueReports/2023-01"], mine);
    }

    [Theory]
    [InlineData("clusters/no-such-cluster", "", StatusCode.NotFound)]
    [InlineData("projects/p", "", StatusCode.InvalidArgument)]
    [InlineData("clusters/-", "year = 2023", StatusCode.InvalidArgument)]
    [InlineData("clusters/-", "period >= \"2023\"", StatusCode.InvalidArgument)]
    [InlineData("clusters/-", "period >= 2023-01", StatusCode.InvalidArgument)]
    public async Task ListRevenueReports_BadParentOrFilter_IsNotFoundOrInvalidArgument(string parent, string filter, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListRevenueReportsAsync(new Proto.ListRevenueReportsRequest { Parent = parent, Filter = filter }, Deadline).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task DeleteRevenueReport_Existing_IsGoneAndTheNextYearLosesItsGrowth()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var base2022 = await ReportAsync(cluster.Name, "2022-09", 100);
        var current = await ReportAsync(cluster.Name, "2023-09", 150);

        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteRevenueReportAsync(
            new Proto.DeleteRevenueReportRequest { Name = base2022.Name, Etag = "W/\"9\"" }, Deadline).ResponseAsync);
        await Client.DeleteRevenueReportAsync(new Proto.DeleteRevenueReportRequest { Name = base2022.Name, Etag = base2022.Etag }, Deadline);
        var again = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteRevenueReportAsync(new Proto.DeleteRevenueReportRequest { Name = base2022.Name }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.Aborted, StatusCode.NotFound), (stale.StatusCode, again.StatusCode));
        Assert.Equal(50.0, current.YearOverYearGrowthPercent);
        Assert.False((await GetAsync(current.Name)).HasYearOverYearGrowthPercent);
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterRevenueReportDeleted' AND subject_version = 2", base2022.Name));
    }
}
