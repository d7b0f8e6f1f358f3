using Industry.Projects.Data;
using Industry.Projects.V1;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Industry.ServiceDefaults.Pagination;

namespace Industry.Projects.Api;

/// <summary><c>industry.projects.v1.ProjectService</c>: thin endpoints that map the wire to the reads and the write handlers.</summary>
internal sealed partial class ProjectsApi(
    ProjectsDbContext db,
    PageTokenCodec pageTokens,
    TimeProvider clock,
    WritePipeline writes,
    ProjectWrites projects,
    InvestmentReportWrites reports,
    ProjectImportWrites imports,
    PlanWrites plans,
    ReportingPeriodWrites periods,
    StateRepublisher republisher,
    IServiceScopeFactory scopes) : ProjectService.ProjectServiceBase
{
}
