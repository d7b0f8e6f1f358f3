using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.Clusters.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster.Writes;

/// <summary>The cluster's handlers in-process on SQLite, through the real write pipeline: no service process.</summary>
public sealed class ClusterWritesTests() : WriteHarnessTests<SqliteClusterDbContext>("cluster")
{
    [Fact]
    public async Task Create_StoresTheClusterWithItsCreatedEvent()
    {
        var created = await CreateAsync("hefei-ev");

        await using var db = Harness.NewContext();
        var stored = await db.Clusters.SingleAsync();
        Assert.Equal(("clusters/hefei-ev", 1L, ClusterState.Cultivating, "340100"), (stored.Name, stored.Version, stored.State, stored.CityCode));
        Assert.Equal([("industry.clusters.v1.ClusterCreated", created.Name, 1L)], await EventsAsync());
    }

    [Fact]
    public async Task Create_AnInvalidDraft_IsRefusedAndNothingIsStored()
    {
        var cluster = NewCluster();
        cluster.DisplayName = string.Empty;

        var error = await Assert.ThrowsAsync<ServiceException>(() => CreateAsync("hefei-bad", cluster));

        Assert.Equal((ErrorKind.InvalidArgument, "cluster.display_name"), (error.Kind, Assert.Single(error.FieldViolations).Field));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.Clusters.ToListAsync());
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Update_ChangedFields_AreStoredWithAnUpdatedEventNamingThem()
    {
        await CreateAsync("hefei-up");

        var updated = await Harness.WriteAsync(
            new Proto.UpdateClusterRequest(),
            (db, w) => new ClusterWrites(db).UpdateAsync(w, "clusters/hefei-up", "W/\"1\"", new ClusterDraft { LeadDivisionCode = "340207" }, new() { Paths = { "lead_division_code" } }));

        Assert.Equal(("340200", "W/\"2\""), (updated.CityCode, updated.Etag));
        await using var db = Harness.NewContext();
        Assert.Equal(("340207", 2L), await db.Clusters.Select(c => ValueTuple.Create(c.LeadDivisionCode, c.Version)).SingleAsync());
        var events = await Harness.EventsAsync();
        Assert.Equal(["industry.clusters.v1.ClusterCreated", "industry.clusters.v1.ClusterUpdated"], events.Select(e => e.EventType));
    }

    [Fact]
    public async Task Delete_WithMembers_IsRefusedUntilForcedThenBumpsTheMembersVersions()
    {
        await CreateAsync("hefei-del");
        var uscc = NewUscc();
        await Harness.WriteAsync(new Proto.CreateEnterpriseRequest(), (db, w) => new EnterpriseWrites(db).CreateAsync(w, NewEnterprise(uscc)));
        await Harness.WriteAsync(
            new Proto.CreateClusterMemberRequest(),
            (db, w) => new ClusterMemberWrites(db, new EnterpriseWrites(db)).CreateAsync(w, "clusters/hefei-del", new Proto.ClusterMember { Enterprise = "enterprises/" + uscc }));
        var before = await EventsAsync();

        var refused = await Assert.ThrowsAsync<ServiceException>(() => DeleteAsync("clusters/hefei-del", force: false));

        Assert.Equal((ErrorKind.FailedPrecondition, "CLUSTER_HAS_MEMBERS"), (refused.Kind, refused.Reason));
        Assert.Equal(before, await EventsAsync());
        await using (var db = Harness.NewContext())
        {
            Assert.Single(await db.Clusters.ToListAsync());
        }

        await DeleteAsync("clusters/hefei-del", force: true);

        await using (var db = Harness.NewContext())
        {
            Assert.Empty(await db.Clusters.ToListAsync());
            Assert.Empty(await db.ClusterMembers.ToListAsync());
            Assert.Equal(3L, await db.Enterprises.Select(e => e.Version).SingleAsync()); // created, joined, its cluster deleted
        }

        Assert.Equal(("industry.clusters.v1.ClusterDeleted", "clusters/hefei-del", 2L), (await EventsAsync())[^1]);
    }

    [Fact]
    public async Task DeleteForced_AnnouncesEachMemberAndRevenueReportAtItsNextVersionThenTheCluster()
    {
        await CreateAsync("hefei-cas");
        var usccs = new[] { NewUscc(), NewUscc() }.Order(StringComparer.Ordinal).ToList();
        foreach (var uscc in usccs)
        {
            await Harness.WriteAsync(new Proto.CreateEnterpriseRequest(), (db, w) => new EnterpriseWrites(db).CreateAsync(w, NewEnterprise(uscc)));
            await Harness.WriteAsync(
                new Proto.CreateClusterMemberRequest(),
                (db, w) => new ClusterMemberWrites(db, new EnterpriseWrites(db)).CreateAsync(w, "clusters/hefei-cas", new Proto.ClusterMember { Enterprise = "enterprises/" + uscc }));
        }

        await ReportAsync("clusters/hefei-cas", "2023-06", 1_000, string.Empty);
        await ReportAsync("clusters/hefei-cas", "2024-06", 1_200, string.Empty);
        await ReportAsync("clusters/hefei-cas", "2024-06", 1_500, "W/\"1\"");
        var before = (await EventsAsync()).Count;

        await DeleteAsync("clusters/hefei-cas", force: true);

        var events = await Harness.EventsAsync();
        Assert.Equal(
            [
                ("industry.clusters.v1.ClusterMemberRemoved", $"clusters/hefei-cas/members/{usccs[0]}", 3L),
                ("industry.clusters.v1.ClusterMemberRemoved", $"clusters/hefei-cas/members/{usccs[1]}", 3L),
                ("industry.clusters.v1.ClusterRevenueReportDeleted", "clusters/hefei-cas/revenueReports/2023-06", 2L),
                ("industry.clusters.v1.ClusterRevenueReportDeleted", "clusters/hefei-cas/revenueReports/2024-06", 3L),
                ("industry.clusters.v1.ClusterDeleted", "clusters/hefei-cas", 2L),
            ],
            events.Skip(before).Select(e => (e.EventType, e.Subject, e.SubjectVersion)));
        var removed = Proto.ClusterMemberRemoved.Parser.ParseJson(events[before].Body).ClusterMember;
        Assert.Equal(($"clusters/hefei-cas/members/{usccs[0]}", "enterprises/" + usccs[0]), (removed.Name, removed.Enterprise));
        var report = Proto.ClusterRevenueReportDeleted.Parser.ParseJson(events[before + 3].Body).RevenueReport;
        Assert.Equal((1_500L, 1_000L, "W/\"3\""), (report.YearToDateRevenueYuan, report.PreviousYearRevenueYuan, report.Etag));
        await using var db = Harness.NewContext();
        Assert.Equal([3L, 3L], await db.Enterprises.Select(e => e.Version).ToListAsync()); // created, joined, its cluster deleted
        Assert.Empty(await db.RevenueReports.ToListAsync());
    }

    [Fact]
    public async Task DeleteForced_ThenCreateAndReportAgain_GoesOnFromTheDeletedVersions()
    {
        await CreateAsync("hefei-again");
        await ReportAsync("clusters/hefei-again", "2024-03", 900, string.Empty);
        await DeleteAsync("clusters/hefei-again", force: true);

        var cluster = await CreateAsync("hefei-again");
        var report = await ReportAsync("clusters/hefei-again", "2024-03", 950, string.Empty);

        Assert.Equal(("W/\"3\"", "W/\"3\""), (cluster.Etag, report.Etag));
        Assert.Equal(
            [
                ("industry.clusters.v1.ClusterRevenueReported", 1L), ("industry.clusters.v1.ClusterRevenueReportDeleted", 2L),
                ("industry.clusters.v1.ClusterRevenueReported", 3L),
            ],
            (await EventsAsync()).Where(e => e.Subject == report.Name).Select(e => (e.Type, e.Version)));
    }

    [Fact]
    public async Task Revoke_FromCultivating_IsTheOneIllegalTransitionShapeAndChangesNothing()
    {
        await CreateAsync("hefei-rev");

        var error = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(
            new Proto.RevokeClusterRequest { Name = "clusters/hefei-rev", Reason = "复核未通过" },
            (db, w) => new ClusterWrites(db).RevokeAsync(w, "clusters/hefei-rev", string.Empty, "复核未通过")));

        Assert.Equal((ErrorKind.FailedPrecondition, "ILLEGAL_STATE_TRANSITION"), (error.Kind, error.Reason));
        Assert.Equal(
            ["resource", "current_state", "requested_transition", "requested_state", "allowed_transitions", "allowed_states"],
            error.Metadata.Keys);
        Assert.Equal(
            ("CLUSTER_STATE_CULTIVATING", "RevokeCluster", "CLUSTER_STATE_REVOKED", "RecognizeCluster(CLUSTER_LEVEL_PROVINCIAL),RecognizeCluster(CLUSTER_LEVEL_NATIONAL)", "CLUSTER_STATE_RECOGNIZED"),
            (error.Metadata["current_state"], error.Metadata["requested_transition"], error.Metadata["requested_state"], error.Metadata["allowed_transitions"], error.Metadata["allowed_states"]));
        await using var db = Harness.NewContext();
        Assert.Equal((ClusterState.Cultivating, 1L), await db.Clusters.Select(c => ValueTuple.Create(c.State, c.Version)).SingleAsync());
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Recognize_ThenRecognizeAtTheSameLevel_RecordsTheFirstAndRefusesTheSecondNamingTheLevel()
    {
        await CreateAsync("hefei-rec");
        var recognized = await RecognizeAsync("clusters/hefei-rec", Proto.ClusterLevel.National, 2023);

        var error = await Assert.ThrowsAsync<ServiceException>(() => RecognizeAsync("clusters/hefei-rec", Proto.ClusterLevel.National, 2024));

        Assert.Equal((Proto.ClusterState.Recognized, Proto.ClusterLevel.National, "W/\"2\""), (recognized.State, recognized.Level, recognized.Etag));
        Assert.Equal(("ILLEGAL_STATE_TRANSITION", "RevokeCluster"), (error.Reason, error.Metadata["allowed_transitions"]));
        Assert.Contains("CLUSTER_STATE_RECOGNIZED at CLUSTER_LEVEL_NATIONAL", error.Message, StringComparison.Ordinal);
        await using var db = Harness.NewContext();
        Assert.Equal([(ClusterLevel.National, 2023)], (await db.Clusters.SingleAsync()).Recognitions.Select(r => (r.Level, r.Year)));
        Assert.Equal(["industry.clusters.v1.ClusterCreated", "industry.clusters.v1.ClusterRecognized"], (await EventsAsync()).Select(e => e.Type));
    }

    private Task<Proto.Cluster> CreateAsync(string id, Proto.Cluster? cluster = null) =>
        Harness.WriteAsync(
            new Proto.CreateClusterRequest { ClusterId = id, Cluster = cluster ?? NewCluster(), RequestId = Guid.NewGuid().ToString() },
            (db, w) => new ClusterWrites(db).CreateAsync(w, id, (cluster ?? NewCluster()).ToDraft()));

    private Task<Google.Protobuf.WellKnownTypes.Empty> DeleteAsync(string name, bool force) =>
        Harness.WriteAsync(new Proto.DeleteClusterRequest { Name = name, Force = force }, (db, w) => new ClusterWrites(db).DeleteAsync(w, name, string.Empty, force));

    private Task<Proto.RevenueReport> ReportAsync(string parent, string period, long revenue, string etag) =>
        Harness.WriteAsync(
            new Proto.ReportClusterRevenueRequest { Parent = parent, Period = period, YearToDateRevenueYuan = revenue, Etag = etag, RequestId = Guid.NewGuid().ToString() },
            (db, w) => new RevenueReportWrites(db).ReportAsync(w, parent, period, new RevenueFigures(revenue, 0, string.Empty), etag));

    private Task<Proto.Cluster> RecognizeAsync(string name, Proto.ClusterLevel level, int year) =>
        Harness.WriteAsync(
            new Proto.RecognizeClusterRequest { Name = name, Level = level, Year = year, RequestId = Guid.NewGuid().ToString() },
            (db, w) => new ClusterWrites(db).RecognizeAsync(w, name, string.Empty, (ClusterLevel)level, year));

    private async Task<List<(string Type, string Subject, long Version)>> EventsAsync() =>
        [.. (await Harness.EventsAsync()).Select(e => (e.EventType, e.Subject, e.SubjectVersion))];
}
