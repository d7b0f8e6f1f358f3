using Google.Protobuf;
using Industry.Projects.Domain;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects.Writes;

/// <summary>The review (审核) handlers in-process on SQLite, through the real pipeline: what counts, when, and which events say so.</summary>
public sealed class InvestmentReviewWritesTests : ProjectWritesHarness
{
    private static readonly Caller Shushan = WriteHarness.CountyEditor("340104");

    private Task<Proto.InvestmentReport> ReportAsync(Proto.Project project, string period, long yuan, Caller? caller = null, string etag = "") =>
        Harness.WriteAsync(
            new Proto.ReportInvestmentRequest(),
            (db, w) => new InvestmentReportWrites(db).ReportAsync(w, new InvestmentReportDraft(project.Name, period, yuan, string.Empty, etag)),
            caller);

    private Task<Proto.InvestmentReport> ReviewAsync(Proto.InvestmentReport report, string? returnReason, Caller? caller = null) =>
        Harness.WriteAsync(
            new Proto.ApproveInvestmentReportRequest(),
            (db, w) => new InvestmentReportWrites(db).ReviewAsync(w, report.Name, report.Etag, returnReason),
            caller);

    [Fact]
    public async Task CountyReport_RaisesInvestmentReportedWithItsStateAndLeavesTheFiguresAlone()
    {
        var project = await StartedProjectAsync();

        var submitted = await ReportAsync(project, "2024-01", 1_000_000, Shushan);

        var events = await Harness.EventsAsync();
        var reported = JsonParser.Default.Parse<Proto.InvestmentReported>(events[^1].Body);
        Assert.Equal((Proto.ReviewState.Submitted, 0L, "2024-01"), (reported.InvestmentReport.ReviewState, reported.Project.CumulativeCompletedInvestmentYuan, reported.Project.LatestReportPeriod));
        Assert.Equal(0, submitted.CumulativeCompletedInvestmentYuan);
        await using var db = Harness.NewContext();
        Assert.Empty(await db.CityMonthInvestments.Where(c => c.CompletedInvestmentYuan != 0).ToListAsync());
    }

    [Fact]
    public async Task Approve_CountsTheReportInTheProjectAndItsCitysMonth_AndRaisesInvestmentReportApproved()
    {
        var project = await StartedProjectAsync();
        await ReportAsync(project, "2024-01", 500_000);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, Shushan);

        var approved = await ReviewAsync(submitted, returnReason: null, WriteHarness.CityEditor("340100"));

        Assert.Equal((Proto.ReviewState.Approved, 1_500_000L), (approved.ReviewState, approved.CumulativeCompletedInvestmentYuan));
        var events = await Harness.EventsAsync();
        Assert.Equal(("industry.projects.v1.InvestmentReportApproved", project.Name), (events[^1].EventType, events[^1].Subject));
        var body = JsonParser.Default.Parse<Proto.InvestmentReportApproved>(events[^1].Body);
        Assert.Equal(1_500_000, body.Project.CumulativeCompletedInvestmentYuan);
        Assert.True(events[^1].SubjectVersion > events[^2].SubjectVersion);
        await using var db = Harness.NewContext();
        Assert.Equal(1_500_000, (await db.Projects.SingleAsync()).CumulativeCompletedInvestmentYuan);
        Assert.Equal(1_000_000, (await db.CityMonthInvestments.SingleAsync(c => c.CityCode == "340100" && c.Year == 2024 && c.Month == 2)).CompletedInvestmentYuan);
    }

    [Fact]
    public async Task Return_RaisesInvestmentReportReturned_AndACorrectionIsSubmittedAgain()
    {
        var project = await StartedProjectAsync();
        var submitted = await ReportAsync(project, "2024-01", 1_000_000, Shushan);

        var returned = await ReviewAsync(submitted, "金额有误", WriteHarness.CityEditor("340100"));
        var corrected = await ReportAsync(project, "2024-01", 800_000, Shushan, returned.Etag);

        var events = await Harness.EventsAsync();
        Assert.Contains(events, e => e.EventType == "industry.projects.v1.InvestmentReportReturned");
        Assert.Equal((Proto.ReviewState.Returned, "金额有误"), (returned.ReviewState, returned.ReturnReason));
        Assert.Equal((Proto.ReviewState.Submitted, string.Empty), (corrected.ReviewState, corrected.ReturnReason));
    }

    [Fact]
    public async Task CountyEditor_OfAnotherCounty_IsOutsideCallerCounty()
    {
        var project = await StartedProjectAsync();

        var error = await Assert.ThrowsAsync<ServiceException>(() => ReportAsync(project, "2024-01", 1_000_000, WriteHarness.CountyEditor("340103")));

        Assert.Equal((ErrorKind.PermissionDenied, "OUTSIDE_CALLER_COUNTY"), (error.Kind, error.Reason));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.InvestmentReports.ToListAsync());
    }

    [Fact]
    public async Task DeletingAnApprovedReport_TakesItOutOfTheFigures_ASubmittedOneChangesNothing()
    {
        var project = await StartedProjectAsync();
        var approved = await ReportAsync(project, "2024-01", 1_000_000);
        var submitted = await ReportAsync(project, "2024-02", 2_000_000, Shushan);

        await Harness.WriteAsync(new Proto.DeleteInvestmentReportRequest(), (db, w) => new InvestmentReportWrites(db).DeleteAsync(w, submitted.Name, submitted.Etag), Shushan);
        await using (var db = Harness.NewContext())
        {
            Assert.Equal(1_000_000, (await db.Projects.SingleAsync()).CumulativeCompletedInvestmentYuan);
        }

        await Harness.WriteAsync(new Proto.DeleteInvestmentReportRequest(), (db, w) => new InvestmentReportWrites(db).DeleteAsync(w, approved.Name, approved.Etag));
        await using var after = Harness.NewContext();
        Assert.Equal(0, (await after.Projects.SingleAsync()).CumulativeCompletedInvestmentYuan);
        Assert.All(await after.CityMonthInvestments.ToListAsync(), c => Assert.Equal(0, c.CompletedInvestmentYuan));
    }
}
