using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.Clusters.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster.Writes;

/// <summary>The revenue report's handlers in-process on SQLite, through the real write pipeline.</summary>
public sealed class RevenueReportWritesTests() : WriteHarnessTests<SqliteClusterDbContext>("cluster")
{
    private const string Parent = "clusters/hefei-ev";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Harness.WriteAsync(new Proto.CreateClusterRequest(), (db, w) => new ClusterWrites(db).CreateAsync(w, "hefei-ev", NewCluster().ToDraft()));
    }

    [Fact]
    public async Task Report_ThenReplaceWithItsEtag_StoresTheNewFiguresAndAnEventCarryingTheReplacedReport()
    {
        await ReportAsync("2023-06", 1_000, string.Empty);
        await ReportAsync("2024-06", 1_200, string.Empty);

        var replaced = await ReportAsync("2024-06", 1_500, "W/\"1\"");

        Assert.Equal((1_500L, 1_000L, 50.0, "W/\"2\""), (replaced.YearToDateRevenueYuan, replaced.PreviousYearRevenueYuan, replaced.YearOverYearGrowthPercent, replaced.Etag));
        await using var db = Harness.NewContext();
        Assert.Equal((1_500L, 2L), await db.RevenueReports.Where(r => r.Year == 2024).Select(r => ValueTuple.Create(r.YearToDateRevenueYuan, r.Version)).SingleAsync());
        var last = (await Harness.EventsAsync())[^1];
        Assert.Equal(("industry.clusters.v1.ClusterRevenueReported", $"{Parent}/revenueReports/2024-06", 2L), (last.EventType, last.Subject, last.SubjectVersion));
    }

    [Fact]
    public async Task Report_AnExistingPeriodWithoutEtag_IsAlreadyExistsAndChangesNothing()
    {
        await ReportAsync("2024-03", 900, string.Empty);

        var error = await Assert.ThrowsAsync<ServiceException>(() => ReportAsync("2024-03", 950, string.Empty));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        await using var db = Harness.NewContext();
        Assert.Equal((900L, 1L), await db.RevenueReports.Select(r => ValueTuple.Create(r.YearToDateRevenueYuan, r.Version)).SingleAsync());
        Assert.Equal(2, (await Harness.EventsAsync()).Count); // the cluster's creation and the first report
    }

    [Fact]
    public async Task Delete_ThenReportThePeriodAgain_GoesOnFromTheDeletedVersion()
    {
        var first = await ReportAsync("2024-09", 700, string.Empty);
        await Harness.WriteAsync(new Proto.DeleteRevenueReportRequest { Name = first.Name }, (db, w) => new RevenueReportWrites(db).DeleteAsync(w, first.Name, first.Etag));

        var again = await ReportAsync("2024-09", 800, string.Empty);

        Assert.Equal("W/\"3\"", again.Etag);
        await using var db = Harness.NewContext();
        Assert.Equal(3L, await db.RevenueReports.Select(r => r.Version).SingleAsync());
        Assert.Equal(
            [("industry.clusters.v1.ClusterRevenueReported", 1L), ("industry.clusters.v1.ClusterRevenueReportDeleted", 2L), ("industry.clusters.v1.ClusterRevenueReported", 3L)],
            (await Harness.EventsAsync()).Where(e => e.Subject == first.Name).Select(e => (e.EventType, e.SubjectVersion)));
    }

    private Task<Proto.RevenueReport> ReportAsync(string period, long revenue, string etag) =>
        Harness.WriteAsync(
            new Proto.ReportClusterRevenueRequest { Parent = Parent, Period = period, YearToDateRevenueYuan = revenue, Etag = etag, RequestId = Guid.NewGuid().ToString() },
            (db, w) => new RevenueReportWrites(db).ReportAsync(w, Parent, period, new RevenueFigures(revenue, 0, string.Empty), etag));
}
