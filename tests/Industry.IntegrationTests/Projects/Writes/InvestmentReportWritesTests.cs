using Google.Protobuf;
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
}
