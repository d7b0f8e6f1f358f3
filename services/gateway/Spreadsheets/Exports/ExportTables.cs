using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>
/// Every table the gateway exports, by the name in its URL (<c>/v1/exports/{name}.{xlsx|csv}</c>, docs/spreadsheets.md).
/// Each reads the service's own list or progress call with the caller's token (the shared clients forward it), so an
/// export holds exactly what the caller's own calls return.
/// </summary>
internal sealed class ExportTables(ProjectsV1.ProjectService.ProjectServiceClient projects)
{
    public IReadOnlyDictionary<string, IExportTable> All { get; } = new IExportTable[]
    {
        new ExportTable<ProjectsV1.Project>("projects", ProjectColumns.All, (q, ct) => Projects(projects, q.Filter, q.OrderBy, ct)),
        new ExportTable<ProjectsV1.Project>("lagging-projects", ProjectColumns.All, (q, ct) => Projects(projects, q.FilterAnd("behind_schedule = true"), q.OrderBy, ct)),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static IAsyncEnumerable<ProjectsV1.Project> Projects(ProjectsV1.ProjectService.ProjectServiceClient projects, string filter, string orderBy, CancellationToken cancellation) =>
        Pages.AllAsync<ProjectsV1.Project>(async token =>
        {
            var page = await projects.ListProjectsAsync(new ProjectsV1.ListProjectsRequest { Filter = filter, OrderBy = orderBy, PageSize = Pages.Size, PageToken = token }, cancellationToken: cancellation);
            return (page.Projects, page.NextPageToken);
        });
}
