using Google.Protobuf;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reporting;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Writes;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects.Writes;

/// <summary>
/// 月度关账 in-process on SQLite, through the real pipeline: closing a month once (request_id retries answered from the
/// first), its published snapshot that no later change moves, and the corrections its reports then need.
/// </summary>
public sealed class ReportingPeriodWritesTests : ProjectWritesHarness
{
    private const string March = "reportingPeriods/2024-03";

    private Task<Proto.ReportingPeriod> CloseAsync(string name, string requestId = "") =>
        Harness.WriteAsync(new Proto.ClosePeriodRequest { Name = name, RequestId = requestId }, (db, w) => new ReportingPeriodWrites(db).CloseAsync(w, name));

    private Task<Proto.InvestmentReport> ReportAsync(Proto.Project project, string period, long yuan, string etag = "", string correction = "", Industry.ServiceDefaults.Security.Caller? caller = null) =>
        Harness.WriteAsync(
            new Proto.ReportInvestmentRequest(),
            (db, w) => new InvestmentReportWrites(db).ReportAsync(w, new InvestmentReportDraft(project.Name, period, yuan, string.Empty, etag, correction)),
            caller);

    private Task<Google.Protobuf.WellKnownTypes.Empty> DeleteAsync(string name, string correction = "") =>
        Harness.WriteAsync(new Proto.DeleteInvestmentReportRequest(), (db, w) => new InvestmentReportWrites(db).DeleteAsync(w, name, string.Empty, correction));

    private async Task<byte[]> SnapshotBytesAsync()
    {
        await using var db = Harness.NewContext();
        return (await db.ClosedPeriods.SingleAsync()).PlanProgress;
    }

    /// <summary>Everything the close stored: the plan progress, the reporting status and the lagging list, as bytes.</summary>
    private async Task<byte[][]> PublishedAsync()
    {
        await using var db = Harness.NewContext();
        var row = await db.ClosedPeriods.SingleAsync();
        return [row.PlanProgress, row.ReportingStatus!, row.LaggingProjects!];
    }

    private async Task<Proto.ProgressSnapshot> SnapshotAsync()
    {
        await using var db = Harness.NewContext();
        return (await db.ClosedPeriods.SingleAsync()).ToSnapshot();
    }

    private async Task<Proto.PlanProgress> CurrentAsync()
    {
        await using var db = Harness.NewContext();
        return await db.PlanProgressAsync(2024, 3, ChinaTime.Today(Harness.Clock), CancellationToken.None);
    }

    private async Task<(Proto.Project Project, Proto.InvestmentReport Report)> ClosedMarchAsync()
    {
        var project = await StartedProjectAsync();
        var report = await ReportAsync(project, "2024-03", 1_000_000);
        await CloseAsync(March);
        return (project, report);
    }

    [Fact]
    public async Task Close_StoresThePlanProgressThroughTheMonthAndRaisesReportingPeriodClosed()
    {
        var project = await StartedProjectAsync();
        await ReportAsync(project, "2024-02", 2_000_000);

        var closed = await CloseAsync(March);

        Assert.Equal((Proto.ReportingPeriodState.Closed, "2024-03", "progressSnapshots/2024-03", WriteHarness.Admin.Subject), (closed.State, closed.Period, closed.ProgressSnapshot, closed.CloseActor));
        var snapshot = Proto.PlanProgress.Parser.ParseFrom(await SnapshotBytesAsync());
        Assert.Equal(await CurrentAsync(), snapshot);
        Assert.Equal((2024, 3, 2_000_000L), (snapshot.Year, snapshot.ThroughMonth, snapshot.Cities.Single(c => c.CityCode == "340100").CompletedInvestmentYuan));
        var closedEvent = (await Harness.EventsAsync())[^1];
        Assert.Equal(("industry.projects.v1.ReportingPeriodClosed", March, 1L), (closedEvent.EventType, closedEvent.Subject, closedEvent.SubjectVersion));
        Assert.Equal(closed, JsonParser.Default.Parse<Proto.ReportingPeriodClosed>(closedEvent.Body).ReportingPeriod);
    }

    [Fact]
    public async Task Close_Twice_FailsWithPeriodAlreadyClosedNamingTheFirstClose()
    {
        var first = await CloseAsync(March);

        var error = await Assert.ThrowsAsync<ServiceException>(() => CloseAsync(March));

        Assert.Equal((ErrorKind.FailedPrecondition, PeriodClosing.PeriodAlreadyClosed, March, first.CloseActor), (error.Kind, error.Reason, error.Metadata["resource"], error.Metadata["close_actor"]));
        Assert.Single(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Close_RetriedWithTheSameRequestId_ReturnsTheFirstAnswerAndClosesOnce()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await CloseAsync(March, requestId);

        var retry = await CloseAsync(March, requestId);

        Assert.Equal(first, retry);
        Assert.Single(await Harness.EventsAsync());
        var other = await Assert.ThrowsAsync<ServiceException>(() => CloseAsync(March, Guid.NewGuid().ToString()));
        Assert.Equal(PeriodClosing.PeriodAlreadyClosed, other.Reason);
    }

    [Theory]
    [InlineData("reportingPeriods/2024-13", ErrorKind.InvalidArgument)]
    [InlineData("reportingPeriods/2024-1", ErrorKind.InvalidArgument)]
    [InlineData("reportingPeriods/2999-01", ErrorKind.InvalidArgument)]
    [InlineData("periods/2024-03", ErrorKind.InvalidArgument)]
    [InlineData("", ErrorKind.InvalidArgument)]
    public async Task Close_ABadOrFutureMonth_IsRefusedAndStoresNothing(string name, ErrorKind kind)
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => CloseAsync(name));

        Assert.Equal((kind, "name"), (error.Kind, Assert.Single(error.FieldViolations).Field));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.ClosedPeriods.ToListAsync());
        Assert.Empty(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Close_TheCurrentMonth_FailsWithPeriodNotEnded()
    {
        var current = ReportingPeriod.Of(ChinaTime.Today(Harness.Clock));

        var error = await Assert.ThrowsAsync<ServiceException>(() => CloseAsync($"reportingPeriods/{current}"));

        Assert.Equal((ErrorKind.FailedPrecondition, PeriodClosing.PeriodNotEnded), (error.Kind, error.Reason));
    }

    [Fact]
    public async Task ReportByACityEditor_InAClosedMonth_FailsWithPeriodClosedAndStoresNothing()
    {
        var (project, report) = await ClosedMarchAsync();
        await CloseAsync("reportingPeriods/2024-02");
        var eventsBefore = (await Harness.EventsAsync()).Count;

        var replace = await Assert.ThrowsAsync<ServiceException>(() => ReportAsync(project, "2024-03", 5_000_000, report.Etag, "补报", WriteHarness.CityEditor("340100")));
        var add = await Assert.ThrowsAsync<ServiceException>(() => ReportAsync(project, "2024-02", 5_000_000, caller: WriteHarness.CityEditor("340100")));

        Assert.All(new[] { replace, add }, e => Assert.Equal((ErrorKind.FailedPrecondition, PeriodClosing.PeriodClosed), (e.Kind, e.Reason)));
        Assert.Equal("2024-03", replace.Metadata["period"]);
        await using var db = Harness.NewContext();
        Assert.Equal(1_000_000, (await db.InvestmentReports.SingleAsync()).CompletedInvestmentYuan);
        Assert.Equal(1_000_000, (await db.Projects.SingleAsync()).CumulativeCompletedInvestmentYuan);
        Assert.Equal(eventsBefore, (await Harness.EventsAsync()).Count);
    }

    [Fact]
    public async Task ReportByTheAdmin_InAClosedMonthWithoutAReason_FailsWithPeriodClosed()
    {
        var (project, report) = await ClosedMarchAsync();

        var error = await Assert.ThrowsAsync<ServiceException>(() => ReportAsync(project, "2024-03", 5_000_000, report.Etag, correction: "   "));
        var delete = await Assert.ThrowsAsync<ServiceException>(() => DeleteAsync(report.Name));

        Assert.All(new[] { error, delete }, e => Assert.Equal((ErrorKind.FailedPrecondition, PeriodClosing.PeriodClosed), (e.Kind, e.Reason)));
        await using var db = Harness.NewContext();
        Assert.Equal(1_000_000, (await db.InvestmentReports.SingleAsync()).CompletedInvestmentYuan);
    }

    [Fact]
    public async Task AReason_ForAnOpenMonth_IsInvalidArgument()
    {
        var project = await StartedProjectAsync();

        var error = await Assert.ThrowsAsync<ServiceException>(() => ReportAsync(project, "2024-03", 1_000_000, correction: "更正"));

        Assert.Equal("correction_reason", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public async Task Correction_ByTheAdmin_IsRecordedRaisedAndLeavesTheSnapshotAsPublished()
    {
        var (project, report) = await ClosedMarchAsync();
        var published = await SnapshotBytesAsync();
        var everything = await PublishedAsync();

        var corrected = await ReportAsync(project, "2024-03", 3_000_000, report.Etag, " 统计口径更正 ");

        Assert.Equal(("统计口径更正", 3_000_000L), (corrected.CorrectionReason, corrected.CompletedInvestmentYuan));
        var events = await Harness.EventsAsync();
        Assert.Equal(["industry.projects.v1.InvestmentReported", "industry.projects.v1.InvestmentReportCorrected"], events.TakeLast(2).Select(e => e.EventType));
        Assert.Equal((report.Name, 2L), (events[^1].Subject, events[^1].SubjectVersion));
        var correctedEvent = JsonParser.Default.Parse<Proto.InvestmentReportCorrected>(events[^1].Body);
        Assert.Equal((1_000_000L, 3_000_000L, "统计口径更正"), (correctedEvent.PreviousInvestmentReport.CompletedInvestmentYuan, correctedEvent.InvestmentReport.CompletedInvestmentYuan, correctedEvent.CorrectionReason));
        Assert.Equal(published, await SnapshotBytesAsync());
        Assert.Equal(everything, await PublishedAsync());
        Assert.Equal(3_000_000, (await CurrentAsync()).Cities.Single(c => c.CityCode == "340100").CompletedInvestmentYuan);
        Assert.Equal(1_000_000, Proto.PlanProgress.Parser.ParseFrom(published).Cities.Single(c => c.CityCode == "340100").CompletedInvestmentYuan);
    }

    [Fact]
    public async Task DeleteCorrection_ByTheAdmin_RemovesTheReportAndRaisesTheCorrectionAtItsLastVersion()
    {
        var (_, report) = await ClosedMarchAsync();
        var published = await SnapshotBytesAsync();

        await DeleteAsync(report.Name, "重复填报");

        var events = await Harness.EventsAsync();
        Assert.Equal(["industry.projects.v1.InvestmentReportCorrected", "industry.projects.v1.InvestmentReportDeleted"], events.TakeLast(2).Select(e => e.EventType));
        var correctedEvent = JsonParser.Default.Parse<Proto.InvestmentReportCorrected>(events[^2].Body);
        Assert.Equal((report.Name, 2L, "重复填报", (Proto.InvestmentReport?)null), (events[^2].Subject, events[^2].SubjectVersion, correctedEvent.CorrectionReason, correctedEvent.InvestmentReport));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.InvestmentReports.ToListAsync());
        Assert.Equal(published, await SnapshotBytesAsync());
    }

    [Fact]
    public async Task Close_StoresTheReportingStatusAndTheLaggingProjects_WhichNeitherADeadlineChangeNorACorrectionMoves()
    {
        // Planned for the first half of 2024 and still under construction: past its planned completion, so lagging.
        var draft = NewProject();
        (draft.PlannedStartDate, draft.PlannedCompletionDate) = (new Google.Type.Date { Year = 2024, Month = 1, Day = 1 }, new Google.Type.Date { Year = 2024, Month = 6, Day = 30 });
        var lagging = await CreateAsync(draft);
        await Harness.WriteAsync(new Proto.TransitionProjectRequest(), (db, w) => Projects(db).TransitionAsync(w, lagging.Name, string.Empty, ProjectState.UnderConstruction, new DateOnly(2024, 1, 1), string.Empty));
        await ReportAsync(lagging, "2024-02", 3_000_000);
        var late = await StartedProjectAsync();
        await ReportAsync(late, "2024-03", 1_000_000); // made today, long after 5 April 2024: late

        await CloseAsync(March);

        var snapshot = await SnapshotAsync();
        await using (var db = Harness.NewContext())
        {
            Assert.Equal(await db.ReportingStatusAsync(new ReportingPeriod(2024, 3), Harness.Clock.GetUtcNow().UtcDateTime, CancellationToken.None), snapshot.ReportingStatus);
        }

        var hefei = snapshot.ReportingStatus.Cities.Single(c => c.CityCode == "340100").Counts;
        Assert.Equal((2, 0, 1, 1), (hefei.DueCount, hefei.OnTimeCount, hefei.LateCount, hefei.MissingCount));
        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 4, Day = 5 }, snapshot.ReportingStatus.Deadline);
        var listed = Assert.Single(snapshot.LaggingProjects);
        Assert.Equal(
            (lagging.Name, lagging.ProjectCode, "340100", "340104", true, 100.0, 1.0, 99.0),
            (listed.Project, listed.ProjectCode, listed.CityCode, listed.CountyCode, listed.PastPlannedCompletion, listed.SchedulePercent, listed.InvestmentPercent, listed.GapPoints));
        Assert.False(snapshot.LaggingProjectsTruncated);
        var published = await PublishedAsync();

        await Harness.WriteAsync(
            new Proto.UpdatePlanRequest(),
            (db, w) => new PlanWrites(db).UpdateAsync(w, new TargetsUpdate<PlanDraft>("plan", "plans/2024", string.Empty, new(null, [], null, 20, null), new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "reporting_deadline_day" } }, false)));
        await ReportAsync(lagging, "2024-03", 100_000_000, correction: "补报");

        Assert.Equal(published, await PublishedAsync());
        await using var after = Harness.NewContext();
        var current = await after.ReportingStatusAsync(new ReportingPeriod(2024, 3), Harness.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        Assert.Equal((20, 0), (current.Deadline.Day, current.Cities.Single(c => c.CityCode == "340100").Counts.MissingCount));
        Assert.Equal(34.3, (await after.LaggingProjectsAsync(ChinaTime.Today(Harness.Clock), LaggingList.MaxProjects, CancellationToken.None)).Projects.Single(p => p.Project == lagging.Name).InvestmentPercent);
        Assert.Equal(1.0, (await SnapshotAsync()).LaggingProjects.Single().InvestmentPercent);
    }

    [Fact]
    public async Task UpdatePlan_AfterTheClose_ChangesTheCurrentFiguresNotTheSnapshot()
    {
        await ClosedMarchAsync();
        var published = await SnapshotBytesAsync();
        var everything = await PublishedAsync();

        await Harness.WriteAsync(
            new Proto.UpdatePlanRequest(),
            (db, w) => new PlanWrites(db).UpdateAsync(w, new TargetsUpdate<PlanDraft>("plan", "plans/2024", string.Empty, new(1500, [new("340100", 40)], 12.5, 10, 5), null, false)));

        Assert.Equal(published, await SnapshotBytesAsync());
        Assert.Equal(everything, await PublishedAsync());
        var snapshot = Proto.PlanProgress.Parser.ParseFrom(published);
        Assert.Equal((1200, false), (snapshot.KeyProjectsUnderImplementation.Target, snapshot.Cities.Single(c => c.CityCode == "340100").KeyProjectsUnderImplementation.HasTarget));
        var current = await CurrentAsync();
        Assert.Equal((1500, 40), (current.KeyProjectsUnderImplementation.Target, current.Cities.Single(c => c.CityCode == "340100").KeyProjectsUnderImplementation.Target));
    }
}
