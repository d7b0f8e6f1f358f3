using Grpc.Core;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>年度计划: the annual plans, listed latest year first and set by UpdatePlan (with upsert).</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.Plan> GetPlan(Proto.GetPlanRequest request, ServerCallContext context) =>
        (await db.Plans.GetTargetsAsync(Plan.Collection, request.Name, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListPlansResponse> ListPlans(Proto.ListPlansRequest request, ServerCallContext context)
    {
        var (page, next, total) = await pageTokens.ListTargetsAsync(db.Plans, request, context.CancellationToken);
        return new() { Plans = { page.Select(p => p.ToProto()) }, NextPageToken = next, TotalSize = total };
    }

    public override Task<Proto.Plan> UpdatePlan(Proto.UpdatePlanRequest request, ServerCallContext context)
    {
        var requested = Required(request.Plan, "plan");
        var values = new PlanDraft(
            requested.HasTargetKeyProjectsUnderImplementation ? requested.TargetKeyProjectsUnderImplementation : null,
            [.. requested.CityTargets.Select(c => new PlanCityTarget(c.CityCode, c.TargetKeyProjectsUnderImplementation))],
            requested.HasTargetInvestmentGrowthPercent ? requested.TargetInvestmentGrowthPercent : null,
            requested.HasReportingDeadlineDay ? requested.ReportingDeadlineDay : null,
            requested.HasScheduleLagTolerancePoints ? requested.ScheduleLagTolerancePoints : null);
        var update = new TargetsUpdate<PlanDraft>("plan", requested.Name, requested.Etag, values, request.UpdateMask, request.AllowMissing);
        return writes.RunAsync(request, context, w => plans.UpdateAsync(w, update));
    }
}
