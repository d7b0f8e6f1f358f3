using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Overview.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;
using ClustersV1 = Industry.Clusters.V1;
using ParksV1 = Industry.Parks.V1;
using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Overview;

/// <summary>
/// 一企一档: an enterprise's profile, composed from the enterprise (cluster service), its projects (projects service,
/// listed by <c>enterprise_uscc</c>) and its transformations (parks service, <c>parks/-</c> listed by
/// <c>enterprise_uscc</c>), each a section of its own (<see cref="Sections"/>) called in parallel with the caller's
/// token, so every figure is one the caller could read itself (ADR 0036).
/// </summary>
internal sealed class EnterpriseProfiles(
    ClustersV1.ClusterService.ClusterServiceClient clusters,
    ProjectsV1.ProjectService.ProjectServiceClient projects,
    ParksV1.ParkService.ParkServiceClient parks,
    Sections sections,
    TimeProvider clock)
{
    public const string Collection = "enterpriseProfiles";

    /// <summary>The lists' largest page: an enterprise's projects and transformations fit in one page but rarely.</summary>
    private const int PageSize = 1000;

    public async Task<EnterpriseProfile> GetAsync(GetEnterpriseProfileRequest request, ServerCallContext context)
    {
        var uscc = ResourceName.Id(request.Name, Collection);
        if (Uscc.Problem(uscc) is { } problem)
        {
            throw ServiceException.InvalidArgument("name", $"must be '{Collection}/{{uscc}}' with a unified social credit code; the code {problem}");
        }

        var filter = $"enterprise_uscc = \"{uscc}\"";
        var enterpriseCall = sections.CallAsync(deadline => clusters.GetEnterpriseAsync(new ClustersV1.GetEnterpriseRequest { Name = $"enterprises/{uscc}" }, deadline: deadline).ResponseAsync, "cluster", context);
        var projectsCall = sections.CallAsync(deadline => ProjectsAsync(filter, deadline, context.CancellationToken), "projects", context);
        var transformationsCall = sections.CallAsync(deadline => TransformationsAsync(filter, deadline, context.CancellationToken), "parks", context);
        var (enterprise, enterpriseError) = await enterpriseCall;
        var (projectList, projectsError) = await projectsCall;
        var (transformations, transformationsError) = await transformationsCall;
        context.CancellationToken.ThrowIfCancellationRequested(); // the caller's own deadline or cancellation fails the call
        if (enterpriseError?.Code == (int)StatusCode.NotFound)
        {
            throw ServiceException.NotFound(request.Name);
        }

        var projectsSection = projectList is null
            ? new EnterpriseProjectsSection { State = SectionState.Unavailable, Error = projectsError }
            : ProjectsSection(projectList);
        var transformationsSection = new EnterpriseTransformationsSection { State = Sections.StateOf(transformationsError), Error = transformationsError };
        transformationsSection.Transformations.AddRange(transformations ?? []);
        return new EnterpriseProfile
        {
            Name = request.Name,
            Enterprise = $"enterprises/{uscc}",
            EnterpriseRecord = new EnterpriseSection { State = Sections.StateOf(enterpriseError), Enterprise = enterprise, Error = enterpriseError },
            Projects = projectsSection,
            Transformations = transformationsSection,
            ComposeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
    }

    private static EnterpriseProjectsSection ProjectsSection(EnterpriseProjectList list)
    {
        var section = new EnterpriseProjectsSection { State = SectionState.Available };
        foreach (var project in list.Projects)
        {
            var behind = list.BehindSchedule.Contains(project.Name);
            section.Projects.Add(new EnterpriseProject { Project = project, CompletedPercent = Percent(project.CumulativeCompletedInvestmentYuan, project.TotalInvestmentYuan), BehindSchedule = behind });
            section.TotalInvestmentYuan += project.TotalInvestmentYuan;
            section.CumulativeCompletedInvestmentYuan += project.CumulativeCompletedInvestmentYuan;
            section.BehindScheduleCount += behind ? 1 : 0;
        }

        if (section.TotalInvestmentYuan > 0)
        {
            section.CompletedPercent = Percent(section.CumulativeCompletedInvestmentYuan, section.TotalInvestmentYuan);
        }

        return section;
    }

    private static double Percent(long part, long whole) => whole > 0 ? part * 100.0 / whole : 0;

    /// <summary>
    /// Every project of the enterprise, and which of them are behind schedule: the rule lives in the projects service
    /// (its <c>behind_schedule</c> filter, ADR 0025), so the gateway asks for them rather than repeating it.
    /// </summary>
    private async Task<EnterpriseProjectList> ProjectsAsync(string filter, DateTime deadline, CancellationToken cancellation)
    {
        var all = ListAllAsync<ProjectsV1.Project>(async token =>
        {
            var page = await projects.ListProjectsAsync(new ProjectsV1.ListProjectsRequest { Filter = filter, PageSize = PageSize, PageToken = token }, deadline: deadline, cancellationToken: cancellation);
            return (page.Projects, page.NextPageToken);
        });
        var behind = ListAllAsync<ProjectsV1.Project>(async token =>
        {
            var page = await projects.ListProjectsAsync(new ProjectsV1.ListProjectsRequest { Filter = $"{filter} AND behind_schedule = true", PageSize = PageSize, PageToken = token }, deadline: deadline, cancellationToken: cancellation);
            return (page.Projects, page.NextPageToken);
        });
        return new EnterpriseProjectList(await all, (await behind).Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
    }

    private Task<List<ParksV1.Transformation>> TransformationsAsync(string filter, DateTime deadline, CancellationToken cancellation) =>
        ListAllAsync<ParksV1.Transformation>(async token =>
        {
            var page = await parks.ListTransformationsAsync(new ParksV1.ListTransformationsRequest { Parent = "parks/-", Filter = filter, PageSize = PageSize, PageToken = token }, deadline: deadline, cancellationToken: cancellation);
            return (page.Transformations, page.NextPageToken);
        });

    /// <summary>Every page of a list; each page is a keyset read of the enterprise's index, so the pages cost the same.</summary>
    private static async Task<List<T>> ListAllAsync<T>(Func<string, Task<(IEnumerable<T> Items, string NextPageToken)>> page)
    {
        var items = new List<T>();
        var token = "";
        do
        {
            var (batch, next) = await page(token);
            items.AddRange(batch);
            token = next;
        }
        while (token.Length > 0);
        return items;
    }

    private sealed record EnterpriseProjectList(List<ProjectsV1.Project> Projects, HashSet<string> BehindSchedule);
}
