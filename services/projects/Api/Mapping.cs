namespace Industry.Projects.Api;

/// <summary>Domain types to and from the wire, in one place (proto types stop at Api/).</summary>
internal static class Mapping
{
    public static V1.Plan ToProto(this Domain.Plan plan)
    {
        var proto = new V1.Plan
        {
            Name = "plans/" + plan.Year,
            Year = plan.Year,
            CityTargets =
            {
                plan.CityTargets
                    .OrderBy(c => c.CityCode, StringComparer.Ordinal)
                    .Select(c => new V1.PlanCityTarget { CityCode = c.CityCode, TargetKeyProjectsUnderImplementation = c.TargetKeyProjectsUnderImplementation }),
            },
        }.FillFrom(plan);
        if (plan.TargetKeyProjectsUnderImplementation is { } target)
        {
            proto.TargetKeyProjectsUnderImplementation = target;
        }

        if (plan.TargetInvestmentGrowthPercent is { } growth)
        {
            proto.TargetInvestmentGrowthPercent = growth;
        }

        if (plan.ReportingDeadlineDay is { } day)
        {
            proto.ReportingDeadlineDay = day;
        }

        if (plan.ScheduleLagTolerancePoints is { } tolerance)
        {
            proto.ScheduleLagTolerancePoints = tolerance;
        }

        return proto;
    }
}
