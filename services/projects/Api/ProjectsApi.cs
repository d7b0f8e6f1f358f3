using Industry.Projects.Data;
using Industry.Projects.V1;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Writes;

namespace Industry.Projects.Api;

/// <summary>
/// <c>industry.projects.v1.ProjectService</c>: thin endpoints that validate, call the domain and map. Methods not
/// overridden here answer UNIMPLEMENTED until their issue lands.
/// </summary>
internal sealed partial class ProjectsApi(
    ProjectsDbContext db,
    EventOutbox outbox,
    PageTokenCodec pageTokens,
    TimeProvider clock,
    RequestIdempotency idempotency,
    Domain.IReferenceChecker references,
    WritePipeline writes,
    PlanWrites plans) : ProjectService.ProjectServiceBase
{
}
