using Google.Protobuf;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects.Writes;

/// <summary>The investment reports' handlers (one month, a batch) in-process on SQLite, through the real pipeline.</summary>
public sealed class InvestmentReportWritesTests : ProjectWritesHarness
{
    private Task<Proto.InvestmentReport> ReportAsync(Proto.Project project, string period, long yuan) =>
        Harness.WriteAsync(
            new Proto.ReportInvestmentRequest(),
            (db, w) => new InvestmentReportWrites(db).ReportAsync(w, new InvestmentReportDraft(project.Name, period, yuan, string.Empty, string.Empty)));

    private Task<Proto.BatchReportInvestmentsResponse> BatchAsync(params InvestmentReportDraft[] items) =>
        Harness.WriteAsync(
            new Proto.BatchReportInvestmentsRequest(),
            (db, w) => new InvestmentReportWrites(db).BatchReportAsync(w, "projects/-", items));

    [Fact]
    public async Task Report_AddsToTheProjectsCumulativeAndRaisesInvestmentReportedAboutTheProject()
    {
        var project = await StartedProjectAsync();
        await ReportAsync(project, "2024-01", 1_000_000);

        var second = await ReportAsync(project, "2024-02", 500_000);

        Assert.Equal(1_500_000, second.CumulativeCompletedInvestmentYuan);
        var events = await Harness.EventsAsync();
        Assert.Equal(("industry.projects.v1.InvestmentReported", project.Name, 4L), (events[^1].EventType, events[^1].Subject, events[^1].SubjectVersion));
        var reported = JsonParser.Default.Parse<Proto.InvestmentReported>(events[^1].Body);
        Assert.Equal((1_500_000L, "2024-02"), (reported.Project.CumulativeCompletedInvestmentYuan, reported.Project.LatestReportPeriod));
        Assert.Null(reported.PreviousInvestmentReport);
    }

    // The per-project yearly rows (ADR 0047) and the statistics that read them, on SQLite as on PostgreSQL.
    [Fact]
    public async Task Reports_KeepTheProjectYearRows_AndTheStatisticsReadThemOnSqlite()
    {
        var project = await StartedProjectAsync();
        await ReportAsync(project, "2024-11", 1_000_000);
        await ReportAsync(project, "2025-02", 2_000_000);
        await ReportAsync(project, "2025-03", 3_000_000);

        await using var db = Harness.NewContext();
        var rows = await db.ProjectYearInvestments.OrderBy(r => r.Year).ToListAsync();
        Assert.Equal([(2024, 1 << 10, 0, 1_000_000L), (2025, 0b110, (2024 * 12) + 11, 5_000_000L)], rows.Select(r => (r.Year, r.ReportedMonths, r.LastReportedBefore, r.Month11 + r.Month02 + r.Month03)));
        var stats = await db.CompletedByAsync(p => p.CityCode, null, new MonthRange(new(2024, 11), new(2025, 2)), CancellationToken.None);
        Assert.Equal([new InvestmentStatsQueries.Group("340100", 1, 300_000_000, 3_000_000, 0)], stats);
        var (months, total) = await db.CompletedByMonthAsync(null, new MonthRange(new(2025, 1), new(2025, 12)), CancellationToken.None);
        Assert.Equal([("2025-02", 1, 2_000_000L, 0L), ("2025-03", 1, 3_000_000L, 0L), ("2025-11", 0, 0L, 1_000_000L)], months.Select(m => (m.Key, m.ProjectCount, m.CompletedYuan, m.PreviousYearCompletedYuan)));
        Assert.Equal(new InvestmentStatsQueries.Group(string.Empty, 1, 300_000_000, 5_000_000, 1_000_000), total);
    }

    [Fact]
    public async Task Batch_StoresEveryItemWithItsCumulativeInOneWrite()
    {
        var project = await StartedProjectAsync();

        var response = await BatchAsync(
            new InvestmentReportDraft(project.Name, "2024-01", 1_000_000, string.Empty, string.Empty),
            new InvestmentReportDraft(project.Name, "2024-02", 2_000_000, string.Empty, string.Empty));

        Assert.Equal([1_000_000L, 3_000_000L], response.InvestmentReports.Select(r => r.CumulativeCompletedInvestmentYuan));
        await using var db = Harness.NewContext();
        Assert.Equal(3_000_000, (await db.Projects.SingleAsync()).CumulativeCompletedInvestmentYuan);
        Assert.Equal(2, (await Harness.EventsAsync()).Count(e => e.EventType == "industry.projects.v1.InvestmentReported"));
    }

    [Fact]
    public async Task Batch_AFailingItem_FailsTheCallNamingItAndStoresNothing()
    {
        var project = await StartedProjectAsync();

        var error = await Assert.ThrowsAsync<ServiceException>(() => BatchAsync(
            new InvestmentReportDraft(project.Name, "2024-01", 1_000_000, string.Empty, string.Empty),
            new InvestmentReportDraft(project.Name, "2024-02", -1, string.Empty, string.Empty)));

        Assert.Equal((ErrorKind.InvalidArgument, "1"), (error.Kind, error.Metadata["request_index"]));
        Assert.Equal(["requests[1].completed_investment_yuan"], error.FieldViolations.Select(v => v.Field));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.InvestmentReports.ToListAsync());
        Assert.Equal(0, (await db.Projects.SingleAsync()).CumulativeCompletedInvestmentYuan);
    }

    [Fact]
    public async Task Delete_ThenReportTheMonthAgain_GoesOnFromTheDeletedReportsEtag()
    {
        var project = await StartedProjectAsync();
        var first = await ReportAsync(project, "2024-01", 1_000_000);
        await Harness.WriteAsync(new Proto.DeleteInvestmentReportRequest(), (db, w) => new InvestmentReportWrites(db).DeleteAsync(w, first.Name, first.Etag));

        var again = await ReportAsync(project, "2024-01", 900_000);

        Assert.Equal(("W/\"1\"", "W/\"2\""), (first.Etag, again.Etag)); // the deleted report's etag cannot replace the new one
        await using var db = Harness.NewContext();
        Assert.Equal(2L, await db.InvestmentReports.Select(r => r.Version).SingleAsync());
        Assert.Equal([2L, 3L, 4L, 5L], (await Harness.EventsAsync()).Skip(1).Select(e => e.SubjectVersion)); // the project's: started, reported, deleted, reported
    }

    [Fact]
    public async Task DeleteTheProjectForced_ThenCreateAndReportAgain_GoesOnFromTheDeletedReportsEtag()
    {
        var draft = NewProject();
        var project = await StartAsync(await CreateAsync(draft));
        await ReportAsync(project, "2024-01", 1_000_000);
        await Harness.WriteAsync(new Proto.DeleteProjectRequest(), (db, w) => Projects(db).DeleteAsync(w, project.Name, string.Empty, force: true));
        await StartAsync(await CreateAsync(draft));

        var again = await ReportAsync(project, "2024-01", 900_000);

        Assert.Equal("W/\"2\"", again.Etag);
        var events = await Harness.EventsAsync();
        Assert.Equal(["industry.projects.v1.ProjectDeleted", "industry.projects.v1.ProjectCreated"], events.Skip(3).Take(2).Select(e => e.EventType)); // no event of the report's own: its events are the project's
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], events.Select(e => e.SubjectVersion));
    }

    private Task<Proto.Project> StartAsync(Proto.Project project) =>
        Harness.WriteAsync(
            new Proto.TransitionProjectRequest(),
            (db, w) => Projects(db).TransitionAsync(w, project.Name, string.Empty, ProjectState.UnderConstruction, new DateOnly(2024, 1, 1), string.Empty));
}
