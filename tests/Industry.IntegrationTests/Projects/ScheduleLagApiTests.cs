using Grpc.Core;
using Industry.Projects.Data;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// 序时进度 on PostgreSQL: the <c>behind_schedule</c> filter and the plan progress counts through the API on the service's
/// day, and the same SQL judged on days a test injects. Each test has a city of its own, so that counts are exact.
/// </summary>
public sealed class ScheduleLagApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static readonly DateOnly Today = ChinaTime.Today(TimeProvider.System);
    private static int _serial = 700_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task ListProjectsAndPlanProgress_TodayALaggingProjectIsListedAndCountedAndAnOnScheduleOneIsNot()
    {
        // 300 of 400 days elapsed: a schedule share of 75 %. Anqing (340800) only.
        var (start, end) = (Today.AddDays(-300), Today.AddDays(100));
        var lagging = await ProjectAsync("340802", start, end, Today.AddDays(-290), investedYuan: 0);           // gap 75 points
        var onSchedule = await ProjectAsync("340802", start, end, Today.AddDays(-290), investedYuan: 800_000_000); // ahead by 5 points
        var overdue = await ProjectAsync("340803", Today.AddDays(-400), Today.AddDays(-1), Today.AddDays(-390), investedYuan: 1_000_000_000);
        var reserve = await ProjectAsync("340803", start, Today.AddDays(-1), actualStart: null, investedYuan: 0); // never started: not assessed

        var behind = await NamesAsync("behind_schedule = true AND city_code = \"340800\"");
        var notBehind = await NamesAsync("city_code = \"340800\" AND behind_schedule = false");
        var progress = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = Today.Year }, Deadline);

        Assert.Equal(new[] { lagging, overdue }.Order(), behind.Order());
        Assert.Equal(new[] { onSchedule, reserve }.Order(), notBehind.Order());
        Assert.Equal(2, progress.Cities.Single(c => c.CityCode == "340800").ProjectsBehindSchedule);
        Assert.True(progress.ProjectsBehindSchedule >= 2);
    }

    [Fact]
    public async Task GetPlanProgress_StartAndCompletionRates_CountWhatWasPlannedInTheYearAndDoneByThePeriodsEnd()
    {
        // Lu'an (341500), 2021: three planned starts (one started in time, one a year late, one never), two planned
        // completions (one done, one still running).
        await ProjectAsync("341502", new DateOnly(2021, 3, 1), new DateOnly(2021, 11, 30), new DateOnly(2021, 4, 1), investedYuan: 0, completion: new DateOnly(2021, 12, 20));
        await ProjectAsync("341502", new DateOnly(2021, 9, 1), new DateOnly(2023, 6, 30), new DateOnly(2022, 1, 10), investedYuan: 0);
        await ProjectAsync("341503", new DateOnly(2021, 6, 1), new DateOnly(2022, 6, 1), actualStart: null, investedYuan: 0);
        await ProjectAsync("341503", new DateOnly(2020, 1, 1), new DateOnly(2021, 10, 1), new DateOnly(2020, 2, 1), investedYuan: 0);

        var year = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2021, ThroughMonth = 12 }, Deadline);
        var november = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2021, ThroughMonth = 11 }, Deadline);

        var city = year.Cities.Single(c => c.CityCode == "341500");
        Assert.Equal((1, 3, 33.3), (city.ProjectsStarted.Actual, city.ProjectsStarted.Target, city.ProjectsStarted.CompletionPercent));
        Assert.Equal((1, 2, 50.0), (city.ProjectsCompleted.Actual, city.ProjectsCompleted.Target, city.ProjectsCompleted.CompletionPercent));
        Assert.Equal(0, november.Cities.Single(c => c.CityCode == "341500").ProjectsCompleted.Actual); // completed in December
        Assert.True(year.ProjectsStarted.Target >= 3);
        Assert.Equal(2, city.ProjectsBehindSchedule); // the two still under construction today, past their planned completion
        var empty = year.Cities.Single(c => c.CityCode == "341800");
        Assert.Equal((0, 0, false), (empty.ProjectsStarted.Actual, empty.ProjectsStarted.Target, empty.ProjectsStarted.HasCompletionPercent));
    }

    [Fact]
    public async Task BehindSchedule_OnInjectedDays_FollowsTheScheduleAndThePlansTolerance()
    {
        // Xuancheng (341800), planned through 2020 (366 days): 30 % invested by one, 100 % by the other.
        var (start, end) = (new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
        var slow = await ProjectAsync("341802", start, end, new DateOnly(2019, 12, 1), investedYuan: 300_000_000);
        var done = await ProjectAsync("341802", start, end, new DateOnly(2019, 12, 1), investedYuan: 1_000_000_000);

        Assert.Empty(await BehindOnAsync(new DateOnly(2020, 3, 1)));              // 16.4 % elapsed
        Assert.Equal(new[] { slow }, await BehindOnAsync(new DateOnly(2020, 7, 1))); // 49.9 % elapsed: 19.9 points behind
        Assert.Equal(new[] { slow }, await BehindOnAsync(end));                        // 100 % elapsed, not yet overdue
        Assert.Equal(new[] { done, slow }.Order(), await BehindOnAsync(end.AddDays(1))); // overdue, whatever was invested

        await Client.UpdatePlanAsync(new UpdatePlanRequest { Plan = new Plan { Name = "plans/2020", ScheduleLagTolerancePoints = 25 }, AllowMissing = true }, Deadline);
        Assert.Empty(await BehindOnAsync(new DateOnly(2020, 7, 1)));              // 19.9 points is within 25

        await using var db = Context();
        var counts = await db.BehindScheduleAsync(new ScheduleLagBasis(end.AddDays(1), db.Plans), CancellationToken.None);
        Assert.Equal(2, counts.Single(c => c.CityCode == "341800").Count);
    }

    /// <summary>The names of the Xuancheng projects behind schedule on <paramref name="day"/>, by the filter's own SQL.</summary>
    private async Task<string[]> BehindOnAsync(DateOnly day)
    {
        await using var db = Context();
        var filter = ProjectListing.Filter(new ScheduleLagBasis(day, db.Plans)).Translate("behind_schedule = true AND city_code = \"341800\"")!;
        var ids = await db.Projects.Where(filter).Select(p => p.Id).ToListAsync();
        return [.. ids.Select(id => "projects/" + id).Order()];
    }

    private PostgresProjectsDbContext Context() => new(ServiceDatabaseOptions.For<PostgresProjectsDbContext>(DatabaseProvider.Postgres, service.Database));

    private async Task<List<string>> NamesAsync(string filter) =>
        [.. (await Client.ListProjectsAsync(new ListProjectsRequest { Filter = filter, PageSize = 100 }, Deadline)).Projects.Select(p => p.Name)];

    /// <summary>A ¥1B project planned from <paramref name="plannedStart"/> to <paramref name="plannedCompletion"/>, started, invested and completed as given.</summary>
    private async Task<string> ProjectAsync(string county, DateOnly plannedStart, DateOnly plannedCompletion, DateOnly? actualStart, long investedYuan, DateOnly? completion = null)
    {
        var project = await Client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project
            {
                DisplayName = "序时进度测试项目",
                ProjectCode = $"2020-{county}-39-03-{Interlocked.Increment(ref _serial):D6}",
                EnterpriseUscc = "91340000711771143J",
                EnterpriseDisplayName = "某电子信息有限公司",
                CountyCode = county,
                Industry = "IT",
                Gbt4754Class = "C3971",
                Nature = ProjectNature.NewBuild,
                TotalInvestmentYuan = 1_000_000_000,
                PlannedStartDate = Date(plannedStart),
                PlannedCompletionDate = Date(plannedCompletion),
            },
        }, Deadline);
        if (actualStart is { } started)
        {
            await Client.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = ProjectState.UnderConstruction, Date = Date(started) }, Deadline);
            if (investedYuan > 0)
            {
                await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = $"{started:yyyy-MM}", CompletedInvestmentYuan = investedYuan }, Deadline);
            }
        }

        if (completion is { } completed)
        {
            await Client.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = ProjectState.Completed, Date = Date(completed) }, Deadline);
        }

        return project.Name;
    }

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
