using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using Proto = Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects.Writes;

/// <summary>
/// The projects service's handlers in-process on SQLite, through the real write pipeline. References to clusters and
/// parks are answered by <see cref="EveryReferenceExists"/>, not by the other services: their checks have tests of
/// their own over gRPC (ReferenceChecksApiTests), and these tests name no cluster or park.
/// </summary>
public abstract class ProjectWritesHarness() : WriteHarnessTests<SqliteProjectsDbContext>("projects")
{
    private static int _serial = 100_000;

    /// <summary>A valid ¥300M project in a Hefei county, with a code no other test uses.</summary>
    internal static Proto.Project NewProject(string countyCode = "340104") => new()
    {
        DisplayName = "智能制造技改项目",
        ProjectCode = $"2024-{countyCode}-39-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "某电子信息有限公司",
        CountyCode = countyCode,
        Industry = "industries/IT",
        Gbt4754Class = "C3971",
        Nature = Proto.ProjectNature.NewBuild,
        TotalInvestmentYuan = 300_000_000,
    };

    internal Task<Proto.Project> CreateAsync(Proto.Project project, Caller? caller = null) =>
        Harness.WriteAsync(
            new Proto.CreateProjectRequest { Project = project },
            (db, w) => Projects(db).CreateAsync(w, string.Empty, project.ToDraft()),
            caller);

    /// <summary>A new project, started on 1 January 2024 so that investment can be reported from then on.</summary>
    internal async Task<Proto.Project> StartedProjectAsync()
    {
        var project = await CreateAsync(NewProject());
        return await Harness.WriteAsync(
            new Proto.TransitionProjectRequest(),
            (db, w) => Projects(db).TransitionAsync(w, project.Name, string.Empty, ProjectState.UnderConstruction, new DateOnly(2024, 1, 1), string.Empty));
    }

    internal static ProjectWrites Projects(ProjectsDbContext db) => new(db, new EveryReferenceExists());

    /// <summary>A reference checker that finds every name, in Hefei (the tests' projects' city).</summary>
    private sealed class EveryReferenceExists : IReferenceChecker
    {
        public Task<IReadOnlyDictionary<string, ReferenceAnswer>> LookUpAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, ReferenceAnswer>>(names.ToDictionary(n => n, _ => new ReferenceAnswer(ReferenceState.Exists, "340100")));
    }
}
