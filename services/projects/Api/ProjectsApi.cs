using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.Data;
using Industry.Projects.V1;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Writes;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Api;

/// <summary><c>industry.projects.v1.ProjectService</c>: thin endpoints that map the wire to the reads and the write handlers.</summary>
internal sealed partial class ProjectsApi(
    ProjectsDbContext db,
    EventOutbox outbox,
    PageTokenCodec pageTokens,
    TimeProvider clock,
    WritePipeline writes,
    ProjectWrites projects,
    InvestmentReportWrites reports,
    ProjectImportWrites imports) : ProjectService.ProjectServiceBase
{
    public override async Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var year = ResourceName.Year(request.Name, "plans");
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        return plan.ToProto();
    }

    public override async Task<Plan> UpdatePlan(UpdatePlanRequest request, ServerCallContext context)
    {
        var update = PlanUpdateRequest.From(request);
        var name = "plans/" + update.Year;
        var actor = Actor.Of(context);
        var now = WireTime.UtcNow(clock);

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Year == update.Year, context.CancellationToken);
        if (plan is null)
        {
            plan = request.AllowMissing ? new Domain.Plan(update.Year, now, actor) : throw ServiceException.NotFound(name);
            db.Plans.Add(plan);
        }
        else
        {
            Etag.Require(update.Etag, plan.Version, name);
        }

        var (total, cities, growth) = update.Merge(plan);
        var changed = plan.Set(total, cities, growth, now, actor);
        if (changed.Count == 0 && db.Entry(plan).State != EntityState.Added)
        {
            return plan.ToProto();
        }

        var proto = plan.ToProto();
        outbox.Add(
            new PlanUpdated { Plan = proto, UpdateMask = new FieldMask { Paths = { changed.Select(PlanUpdateRequest.PathOf) } } },
            name,
            plan.Version,
            actor);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }
}
