using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>Builds projects and reports through the public API, with project codes no other test uses.</summary>
public sealed class ProjectData(ProjectService.ProjectServiceClient client)
{
    private static int _serial = 500_000;

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>An IT project in <paramref name="county"/>, started and completed on the given dates when they are set.</summary>
    public async Task<Project> ProjectAsync(string county, long totalYuan, DateOnly? start, DateOnly? completion = null, string industry = "IT", string gbt4754 = "C3971", ProjectNature nature = ProjectNature.NewBuild, ProjectSource source = ProjectSource.Unspecified)
    {
        var project = await client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project
            {
                DisplayName = "技改项目",
                ProjectCode = $"2022-{county}-39-03-{Interlocked.Increment(ref _serial):D6}",
                EnterpriseUscc = "91340000711771143J",
                EnterpriseDisplayName = "某电子信息有限公司",
                CountyCode = county,
                Industry = industry,
                Gbt4754Class = gbt4754,
                Nature = nature,
                Source = source,
                TotalInvestmentYuan = totalYuan,
            },
        }, Deadline);
        if (start is { } s)
        {
            project = await client.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = ProjectState.UnderConstruction, Date = Date(s) }, Deadline);
        }

        if (completion is { } c)
        {
            project = await client.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = ProjectState.Completed, Date = Date(c) }, Deadline);
        }

        return project;
    }

    public Task<InvestmentReport> ReportAsync(Project project, string period, long yuan) =>
        client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = period, CompletedInvestmentYuan = yuan }, Deadline).ResponseAsync;

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
