using Industry.Projects.Api;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>年度计划: the year's plan, set by the suite's one upsert of yearly targets.</summary>
internal sealed class PlanWrites(ProjectsDbContext db)
{
    public Task<Proto.Plan> UpdateAsync(Write write, TargetsUpdate<PlanDraft> update) =>
        write.UpsertAsync(db.Plans, Plan.Fields, update, year => new Plan(year), t => t.ToProto(), (t, mask) => new Proto.PlanUpdated { Plan = t, UpdateMask = mask });
}
