using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>营业收入: a cluster's year-to-date revenue per period, with the year-on-year growth against the same period a year earlier.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.RevenueReport> ReportClusterRevenue(Proto.ReportClusterRevenueRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => revenueReports.ReportAsync(
            w, request.Parent, request.Period, new RevenueFigures(request.YearToDateRevenueYuan, request.EnterpriseCount, request.Note.Trim()), request.Etag));

    public override async Task<Proto.RevenueReport> GetRevenueReport(Proto.GetRevenueReportRequest request, ServerCallContext context)
    {
        var (clusterId, period) = RevenueReport.ParseName(request.Name);
        var report = await db.ReportsOf(clusterId, period).SingleOrDefaultAsync(context.CancellationToken) ?? throw ServiceException.NotFound(request.Name);
        return report.ToProto(await db.PreviousYearRevenueAsync(clusterId, period, context.CancellationToken));
    }

    public override async Task<Proto.ListRevenueReportsResponse> ListRevenueReports(Proto.ListRevenueReportsRequest request, ServerCallContext context)
    {
        var clusterId = ResourceName.Id(request.Parent, Cluster.Collection, "parent");
        var query = clusterId == "-" ? db.RevenueReports.AsNoTracking() : db.RevenueReports.AsNoTracking().Where(r => r.ClusterId == clusterId);
        var (page, next) = await pageTokens.ListAsync(query, RevenueReportListing.Filter, RevenueReportListing.Order, request, context.CancellationToken);
        await RequireParentAsync(clusterId, request.Parent, page.Count, context.CancellationToken);
        var previousYear = await db.PreviousYearRevenuesAsync(page, context.CancellationToken);
        return new() { RevenueReports = { page.Select(r => r.ToProto(previousYear(r))) }, NextPageToken = next };
    }

    public override Task<Empty> DeleteRevenueReport(Proto.DeleteRevenueReportRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => revenueReports.DeleteAsync(w, request.Name, request.Etag));
}
