using Google.Protobuf;

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

    /// <summary>A closed month as the API shows it.</summary>
    public static V1.ReportingPeriod ToProto(this Domain.ClosedPeriod closed) => new()
    {
        Name = closed.Name,
        Period = closed.Period,
        State = V1.ReportingPeriodState.Closed,
        CloseTime = WireTime.ToTimestamp(closed.CreateTime),
        CloseActor = closed.UpdateActor,
        ProgressSnapshot = closed.SnapshotName,
    };

    /// <summary>A month that has not been closed: there is no row, only its name.</summary>
    public static V1.ReportingPeriod OpenPeriod(ReportingPeriod period) => new()
    {
        Name = $"{Domain.ClosedPeriod.Collection}/{period}",
        Period = period.ToString(),
        State = V1.ReportingPeriodState.Open,
    };

    /// <summary>The published figures of a closed month, as stored at its close.</summary>
    public static V1.ProgressSnapshot ToSnapshot(this Domain.ClosedPeriod closed)
    {
        var snapshot = new V1.ProgressSnapshot
        {
            Name = closed.SnapshotName,
            Period = closed.Period,
            CreateTime = WireTime.ToTimestamp(closed.CreateTime),
            PlanProgress = V1.PlanProgress.Parser.ParseFrom(closed.PlanProgress),
        };
        if (closed.ReportingStatus is { } status)
        {
            snapshot.ReportingStatus = V1.ReportingStatus.Parser.ParseFrom(status);
        }

        if (closed.LaggingProjects is { } lagging)
        {
            snapshot.MergeFrom(lagging);
        }

        return snapshot;
    }
}
