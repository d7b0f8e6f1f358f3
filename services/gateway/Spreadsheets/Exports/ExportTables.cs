using Industry.ServiceDefaults.Resources;
using ClustersV1 = Industry.Clusters.V1;
using ParksV1 = Industry.Parks.V1;
using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>
/// Every table the gateway exports, by the name in its URL (<c>/v1/exports/{name}.{xlsx|csv}</c>, docs/spreadsheets.md).
/// Each reads the service's own list or progress call with the caller's token (the shared clients forward it), so an
/// export holds exactly what the caller's own calls return.
/// </summary>
internal sealed class ExportTables(
    ClustersV1.ClusterService.ClusterServiceClient clusters,
    ProjectsV1.ProjectService.ProjectServiceClient projects,
    ParksV1.ParkService.ParkServiceClient parks,
    TimeProvider clock)
{
    public IReadOnlyDictionary<string, IExportTable> All => field ??= new IExportTable[]
    {
        new ExportTable<ProjectsV1.Project>("projects", ProjectColumns.All, (q, ct) => Projects(q.Filter, q.OrderBy, ct)),
        new ExportTable<ProjectsV1.Project>("lagging-projects", ProjectColumns.All, (q, ct) => Projects(q.FilterAnd("behind_schedule = true"), q.OrderBy, ct)),
        new ExportTable<ProjectsV1.MissingReport>("missing-reports", ListColumns.MissingReports, (q, ct) => Pages.AllAsync<ProjectsV1.MissingReport>(async token =>
        {
            var page = await projects.ListMissingReportsAsync(new ProjectsV1.ListMissingReportsRequest { Period = q.Period, CityCode = q.CityCode, CountyCode = q.CountyCode, PageSize = Pages.Size, PageToken = token }, deadline: Deadline(), cancellationToken: ct);
            return (page.MissingReports, page.NextPageToken);
        })),
        new ExportTable<ClustersV1.Enterprise>("enterprises", ListColumns.Enterprises, (q, ct) => Pages.AllAsync<ClustersV1.Enterprise>(async token =>
        {
            var page = await clusters.ListEnterprisesAsync(new ClustersV1.ListEnterprisesRequest { Filter = q.Filter, OrderBy = q.OrderBy, PageSize = Pages.Size, PageToken = token }, deadline: Deadline(), cancellationToken: ct);
            return (page.Enterprises, page.NextPageToken);
        })),
        new ExportTable<ClustersV1.Cluster>("clusters", ListColumns.Clusters, (q, ct) => Pages.AllAsync<ClustersV1.Cluster>(async token =>
        {
            var page = await clusters.ListClustersAsync(new ClustersV1.ListClustersRequest { Filter = q.Filter, OrderBy = q.OrderBy, PageSize = Pages.Size, PageToken = token }, deadline: Deadline(), cancellationToken: ct);
            return (page.Clusters, page.NextPageToken);
        })),
        new ExportTable<ParksV1.Park>("parks", ListColumns.Parks, (q, ct) => Pages.AllAsync<ParksV1.Park>(async token =>
        {
            var page = await parks.ListParksAsync(new ParksV1.ListParksRequest { Filter = q.Filter, OrderBy = q.OrderBy, PageSize = Pages.Size, PageToken = token }, deadline: Deadline(), cancellationToken: ct);
            return (page.Parks, page.NextPageToken);
        })),
        new ExportTable<ParksV1.Transformation>("transformations", ListColumns.Transformations, (q, ct) => Pages.AllAsync<ParksV1.Transformation>(async token =>
        {
            var page = await parks.ListTransformationsAsync(new ParksV1.ListTransformationsRequest { Parent = "parks/-", Filter = q.Filter, OrderBy = q.OrderBy, PageSize = Pages.Size, PageToken = token }, deadline: Deadline(), cancellationToken: ct);
            return (page.Transformations, page.NextPageToken);
        })),
        new ExportTable<ProjectsV1.CityPlanProgress>("plan-progress", ProgressColumns.Plan, (q, ct) => Pages.OneAsync<ProjectsV1.CityPlanProgress>(async () =>
            (await projects.GetPlanProgressAsync(new ProjectsV1.GetPlanProgressRequest { Year = Year(q), ThroughMonth = q.Month }, deadline: Deadline(), cancellationToken: ct)).Cities)),
        new ExportTable<ClustersV1.CityClusterProgress>("cluster-progress", ProgressColumns.Clusters, (q, ct) => Pages.OneAsync<ClustersV1.CityClusterProgress>(async () =>
            (await clusters.GetClusterProgressAsync(new ClustersV1.GetClusterProgressRequest { Year = Year(q) }, deadline: Deadline(), cancellationToken: ct)).Cities)),
        new ExportTable<ParksV1.CityDigitalProgress>("digital-progress", ProgressColumns.Digital, (q, ct) => Pages.OneAsync<ParksV1.CityDigitalProgress>(async () =>
            (await parks.GetDigitalProgressAsync(new ParksV1.GetDigitalProgressRequest { Year = Year(q) }, deadline: Deadline(), cancellationToken: ct)).Cities)),
        new ExportTable<ProjectsV1.DispatchBulletinCity>("dispatch-bulletin", ProgressColumns.Bulletin, (q, ct) => Pages.OneAsync<ProjectsV1.DispatchBulletinCity>(async () =>
            (await projects.GetDispatchBulletinAsync(new ProjectsV1.GetDispatchBulletinRequest { Name = $"dispatchBulletins/{q.Period}" }, deadline: Deadline(), cancellationToken: ct)).Cities)),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// Each page or table a minute at most: a progress table over a whole province takes longer than the clients' 5 s
    /// default on a busy service, and a person waits for a download longer than a program for an answer.
    /// </summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromMinutes(1);

    /// <summary>The year asked for, or the current one (China time), as the overview defaults it.</summary>
    private int Year(ExportQuery query) => query.Year != 0 ? query.Year : ChinaTime.Today(clock).Year;

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;

    private IAsyncEnumerable<ProjectsV1.Project> Projects(string filter, string orderBy, CancellationToken cancellation) =>
        Pages.AllAsync<ProjectsV1.Project>(async token =>
        {
            var page = await projects.ListProjectsAsync(new ProjectsV1.ListProjectsRequest { Filter = filter, OrderBy = orderBy, PageSize = Pages.Size, PageToken = token }, deadline: Deadline(), cancellationToken: cancellation);
            return (page.Projects, page.NextPageToken);
        });
}
