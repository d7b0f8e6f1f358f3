using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Messaging;

/// <summary>What the projects service republishes as snapshots (<c>RepublishState</c>, ADR 0042), in the order it raises them.</summary>
internal static class ProjectSnapshots
{
    public static IReadOnlyList<SnapshotSource> Of(ProjectsDbContext db) =>
    [
        SnapshotSource.Of(db.Projects, p => new Proto.ProjectSnapshot { Project = p.ToProto() }),
        SnapshotSource.Of(db.InvestmentReports, r => new Proto.InvestmentReportSnapshot { InvestmentReport = r.ToProto() }),
        SnapshotSource.Of(db.Plans, p => new Proto.PlanSnapshot { Plan = p.ToProto() }),
        SnapshotSource.Of(db.ClosedPeriods, p => new Proto.ReportingPeriodSnapshot { ReportingPeriod = p.ToProto() }),
    ];
}
