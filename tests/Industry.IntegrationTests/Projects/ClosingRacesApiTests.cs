using Google.Rpc;
using Grpc.Core;
using Industry.Projects.Data;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// 月度关账 under load on PostgreSQL: closes racing each other, reports racing a close, and a month with 5,000 lagging
/// projects. A fixture of its own, so that the thousands of projects below count in no other test; each test closes
/// months (2019) and uses a city no other test of the class uses.
/// </summary>
public sealed class ClosingRacesApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static int _serial = 800_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(60));

    [Fact]
    public async Task ConcurrentCloses_OfOneMonth_ExactlyOneSucceeds_TheOthersArePeriodAlreadyClosed()
    {
        foreach (var month in new[] { "2019-01", "2019-02", "2019-03", "2019-04" })
        {
            var calls = Enumerable.Range(0, 8)
                .Select(_ => Outcome(Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/" + month, RequestId = Guid.NewGuid().ToString() }, Deadline).ResponseAsync))
                .ToList();
            var outcomes = await Task.WhenAll(calls);

            Assert.Single(outcomes, o => o.Error is null);
            Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal((StatusCode.FailedPrecondition, "PERIOD_ALREADY_CLOSED"), (o.Error!.StatusCode, o.Error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason)));
        }
    }

    [Fact]
    public async Task ReportsRacingTheClose_AreEitherInTheSnapshotOrRefusedAsClosed()
    {
        // Ma'anshan (340500): 60 projects owing June 2019, reported while the month is being closed.
        var projects = new List<Project>();
        for (var i = 0; i < 60; i++)
        {
            projects.Add(await ProjectAsync("340503", new DateOnly(2019, 1, 1), plannedCompletion: null));
        }

        var reports = projects.Select(async (p, i) =>
        {
            await Task.Delay(i * 3);
            return await Outcome(Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = p.Name, Period = "2019-06", CompletedInvestmentYuan = 1_000_000 }, Deadline).ResponseAsync);
        }).ToList();
        await Task.Delay(60);
        var closed = await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2019-06" }, Deadline);
        var outcomes = await Task.WhenAll(reports);

        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal((StatusCode.FailedPrecondition, "PERIOD_CLOSED"), (o.Error!.StatusCode, o.Error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason)));
        var stored = outcomes.Count(o => o.Error is null);
        var snapshot = await Client.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = closed.ProgressSnapshot }, Deadline);
        var counts = snapshot.ReportingStatus.Cities.Single(c => c.CityCode == "340500").Counts;
        Assert.Equal((60, stored, 60 - stored), (counts.DueCount, counts.OnTimeCount + counts.LateCount, counts.MissingCount));
        Assert.Equal(stored * 1_000_000L, snapshot.PlanProgress.Cities.Single(c => c.CityCode == "340500").CompletedInvestmentYuan);
        var current = await Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = "2019-06" }, Deadline);
        Assert.Equal(counts, current.Cities.Single(c => c.CityCode == "340500").Counts); // nothing landed after the snapshot
    }

    [Fact]
    public async Task ApprovalsRacingTheClose_AreEitherInTheSnapshotOrRefusedAsClosed()
    {
        // Chuzhou (341100): 40 reports of July 2019 a county editor of Langya submitted, approved by the city's editor
        // while the month is being closed. An approval moves the month's counted investment, so it orders against the
        // close by the month's lock as a report does.
        var county = TestTokens.Bearer(TestTokens.CountyEditor("341102", "langya-editor"));
        var city = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "341100", subject: "chuzhou-editor"));
        var submitted = new List<InvestmentReport>();
        for (var i = 0; i < 40; i++)
        {
            var project = await ProjectAsync("341102", new DateOnly(2019, 1, 1), plannedCompletion: null);
            submitted.Add(await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2019-07", CompletedInvestmentYuan = 1_000_000 }, new CallOptions(county, DateTime.UtcNow.AddSeconds(60))));
        }

        var approvals = submitted.Select(async (r, i) =>
        {
            await Task.Delay(i * 3);
            return await Outcome(Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = r.Name, Etag = r.Etag }, new CallOptions(city, DateTime.UtcNow.AddSeconds(60))).ResponseAsync);
        }).ToList();
        await Task.Delay(40);
        var closed = await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2019-07" }, Deadline);
        var outcomes = await Task.WhenAll(approvals);

        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal((StatusCode.FailedPrecondition, "PERIOD_CLOSED"), (o.Error!.StatusCode, o.Error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason)));
        var approved = outcomes.Count(o => o.Error is null);
        var snapshot = await Client.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = closed.ProgressSnapshot }, Deadline);
        Assert.Equal(approved * 1_000_000L, snapshot.PlanProgress.Cities.Single(c => c.CityCode == "341100").CompletedInvestmentYuan);
        var counts = snapshot.ReportingStatus.Cities.Single(c => c.CityCode == "341100").Counts;
        Assert.Equal(40 - approved, counts.AwaitingReviewCount);
        var current = await Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = "2019-07" }, Deadline);
        Assert.Equal(counts, current.Cities.Single(c => c.CityCode == "341100").Counts); // no approval landed after the snapshot
    }

    [Fact]
    public async Task AMonthWith5000LaggingProjects_Closes_ItsSnapshotListsTheWorst2000_AndItsBulletinTheWorstHundred_CountsStayExact()
    {
        // Huangshan (341000): one project past its planned completion, copied 4,999 times in SQL.
        var lagging = await ProjectAsync("341002", new DateOnly(2019, 1, 1), plannedCompletion: new DateOnly(2019, 12, 31));
        await using (var db = Context())
        {
            var columns = await db.Database
                .SqlQuery<string>($"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'projects' ORDER BY ordinal_position")
                .ToListAsync();
            var values = columns.Select(c => c switch
            {
                "id" => "gen_random_uuid()::text",
                "project_code" => "'2019-341002-39-03-' || lpad((900000 + g)::text, 6, '0')",
                _ => "p." + c,
            });
            var id = lagging.Name["projects/".Length..];
            // Only the catalogue's column names go into the text; the project's id is a parameter.
            var copy = $"INSERT INTO projects ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM projects p, generate_series(1, 4999) g WHERE p.id = {{0}}";
            await db.Database.ExecuteSqlRawAsync(copy, id);
        }

        var closed = await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2019-09" }, Deadline);

        var snapshot = await Client.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = closed.ProgressSnapshot }, Deadline);
        var bulletin = await Client.GetDispatchBulletinAsync(new GetDispatchBulletinRequest { Name = "dispatchBulletins/2019-09" }, Deadline);
        var huangshan = snapshot.LaggingProjects.Where(p => p.CityCode == "341000").ToList();
        Assert.Equal((2000, true), (huangshan.Count, snapshot.LaggingProjectsTruncated)); // LaggingList.MaxProjects
        Assert.All(huangshan, p => Assert.True(p.PastPlannedCompletion));
        Assert.Equal(5000, snapshot.PlanProgress.Cities.Single(c => c.CityCode == "341000").ProjectsBehindSchedule);
        Assert.Equal((false, 5000), (bulletin.Provisional, bulletin.Cities.Single(c => c.CityCode == "341000").LaggingProjectCount));
        Assert.Equal((100, true), (bulletin.LaggingProjects.Count, bulletin.LaggingProjectsTruncated)); // DispatchBulletins.MaxLaggingProjects
        Assert.All(bulletin.LaggingProjects, p => Assert.Contains(p, snapshot.LaggingProjects));
    }

    private static async Task<(T? Response, RpcException? Error)> Outcome<T>(Task<T> call)
        where T : class
    {
        try
        {
            return (await call, null);
        }
        catch (RpcException e)
        {
            return (null, e);
        }
    }

    private PostgresProjectsDbContext Context() => new(ServiceDatabaseOptions.For<PostgresProjectsDbContext>(DatabaseProvider.Postgres, service.Database));

    /// <summary>A ¥1B project in <paramref name="county"/>, started on <paramref name="start"/>, planned from then to <paramref name="plannedCompletion"/>.</summary>
    private async Task<Project> ProjectAsync(string county, DateOnly start, DateOnly? plannedCompletion)
    {
        var project = new Project
        {
            DisplayName = "关账并发测试项目",
            ProjectCode = $"2019-{county}-39-03-{Interlocked.Increment(ref _serial):D6}",
            EnterpriseUscc = "91340000711771143J",
            EnterpriseDisplayName = "某电子信息有限公司",
            CountyCode = county,
            Industry = "IT",
            Gbt4754Class = "C3971",
            Nature = ProjectNature.NewBuild,
            TotalInvestmentYuan = 1_000_000_000,
        };
        if (plannedCompletion is { } end)
        {
            (project.PlannedStartDate, project.PlannedCompletionDate) = (Date(start), Date(end));
        }

        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);
        return await Client.TransitionProjectAsync(new TransitionProjectRequest { Name = created.Name, State = ProjectState.UnderConstruction, Date = Date(start) }, Deadline);
    }

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
