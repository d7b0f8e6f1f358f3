using Industry.Parks.Api;
using Industry.Parks.Data;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Writes;

/// <summary>数字化转型年度目标: the year's targets, set by the suite's one upsert of yearly targets.</summary>
internal sealed class DigitalTargetsWrites(ParksDbContext db)
{
    public Task<Proto.DigitalTargets> UpdateAsync(Write write, TargetsUpdate<DigitalTargetsDraft> update) =>
        write.UpsertAsync(db.DigitalTargets, DigitalTargets.Fields, update, year => new DigitalTargets(year), t => t.ToProto(), (t, mask) => new Proto.DigitalTargetsUpdated { DigitalTargets = t, UpdateMask = mask });
}
