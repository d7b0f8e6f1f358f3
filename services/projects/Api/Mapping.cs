using Industry.Projects.V1;
using Industry.ServiceDefaults.Resources;

namespace Industry.Projects.Api;

/// <summary>Domain types to and from the wire, in one place (proto types stop at Api/).</summary>
internal static class Mapping
{
    public static Plan ToProto(this Domain.Plan plan)
    {
        var proto = new Plan
        {
            Name = "plans/" + plan.Year,
            Year = plan.Year,
            CityTargets =
            {
                plan.CityTargets
                    .OrderBy(c => c.CityCode, StringComparer.Ordinal)
                    .Select(c => new PlanCityTarget { CityCode = c.CityCode, TargetKeyProjectsUnderImplementation = c.TargetKeyProjectsUnderImplementation }),
            },
            Etag = Etag.Of(plan.Version),
            CreateTime = WireTime.ToTimestamp(plan.CreateTime),
            UpdateTime = WireTime.ToTimestamp(plan.UpdateTime),
            UpdateActor = plan.UpdateActor,
        };
        if (plan.TargetKeyProjectsUnderImplementation is { } target)
        {
            proto.TargetKeyProjectsUnderImplementation = target;
        }

        if (plan.TargetInvestmentGrowthPercent is { } growth)
        {
            proto.TargetInvestmentGrowthPercent = growth;
        }

        return proto;
    }
}
