using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// Projects for the list tests, each set under an enterprise of its own (a fresh USCC), so that a list filtered by
/// <c>enterprise_uscc</c> sees exactly the projects its test made, whatever else the database holds.
/// </summary>
public sealed class ListTestData(ProjectService.ProjectServiceClient client)
{
    private static int _serial = 700_000;

    public static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>A valid USCC no other test uses: division 340100, a serial, the check character.</summary>
    public static string NewUscc()
    {
        var first17 = $"91340100{Random.Shared.Next(100, 999)}{Interlocked.Increment(ref _serial):D6}";
        return first17 + Uscc.CheckCharacter(first17);
    }

    public static string Rfc3339(Timestamp time) => time.ToDateTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<Project> CreateAsync(string uscc, Action<Project>? shape = null)
    {
        var project = new Project
        {
            DisplayName = "Project",
            ProjectCode = $"2021-340104-39-03-{Interlocked.Increment(ref _serial):D6}",
            EnterpriseUscc = uscc,
            EnterpriseDisplayName = "某电子信息有限公司",
            CountyCode = "340104",
            Industry = "IT",
            Gbt4754Class = "C3971",
            Nature = ProjectNature.NewBuild,
            TotalInvestmentYuan = 300_000_000,
        };
        shape?.Invoke(project);
        return await client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);
    }

    public async Task<Project> MoveAsync(Project project, ProjectState state, DateOnly date) =>
        await client.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = state, Date = Date(date) }, Deadline);

    public static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
