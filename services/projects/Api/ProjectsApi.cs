using Grpc.Core;
using Industry.Projects.Data;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Api;

/// <summary>
/// <c>industry.projects.v1.ProjectService</c>: thin endpoints that validate, call the domain and map. Methods not
/// overridden here answer UNIMPLEMENTED until their issue lands.
/// </summary>
internal sealed class ProjectsApi(ProjectsDbContext db) : ProjectService.ProjectServiceBase
{
    public override async Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var year = ResourceName.Year(request.Name, "plans");
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        return plan.ToProto();
    }
}
