using Google.Protobuf.WellKnownTypes;
using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>营业收入: reporting a cluster's year-to-date revenue for a period (a new report, or a replacement with its etag) and deleting it.</summary>
internal sealed class RevenueReportWrites(ClusterDbContext db)
{
    public async Task<Proto.RevenueReport> ReportAsync(Write write, string parent, string periodText, RevenueFigures figures, string etag)
    {
        var clusterId = ResourceName.Id(parent, Cluster.Collection, "parent");
        var period = RevenueRules.Check(periodText, figures, write.Today);
        if (!await db.Clusters.AnyAsync(c => c.Id == clusterId, write.CancellationToken))
        {
            throw ServiceException.NotFound(parent);
        }

        var name = $"{parent}/{RevenueReport.Collection}/{period}";
        var report = await db.ReportsOf(clusterId, period).AsTracking().SingleOrDefaultAsync(write.CancellationToken);
        if (report is not null)
        {
            if (etag.Length == 0)
            {
                throw ServiceException.AlreadyExists(name + " (send its etag to replace it)");
            }

            Etag.Require(etag, report.Version, name);
        }

        var previousYear = await db.PreviousYearRevenueAsync(clusterId, period, write.CancellationToken);
        var replaced = report?.ToProto(previousYear);
        if (report is null)
        {
            report = await write.AddAbsentAsync(db.RevenueReports, name, version => new RevenueReport(clusterId, period, figures, write.Now, write.Actor, version));
        }
        else
        {
            report.Replace(figures, write.Now, write.Actor);
        }

        return write.Raise(report.ToProto(previousYear), p => new Proto.ClusterRevenueReported { RevenueReport = p, PreviousRevenueReport = replaced }, report);
    }

    /// <summary>Deletes a report; a period reported again goes on from the deleted report's versions.</summary>
    public async Task<Empty> DeleteAsync(Write write, string name, string etag)
    {
        var (clusterId, period) = RevenueReport.ParseName(name);
        var report = await write.LoadAsync(db.ReportsOf(clusterId, period).AsTracking(), name, etag);
        var previousYear = await db.PreviousYearRevenueAsync(clusterId, period, write.CancellationToken);
        await write.DeleteAsync(db.RevenueReports, report, r => new Proto.ClusterRevenueReportDeleted { RevenueReport = r.ToProto(previousYear) });
        return new();
    }
}
