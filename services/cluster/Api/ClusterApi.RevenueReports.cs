using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Reporting;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>营业收入: a cluster's year-to-date revenue per period, with the year-on-year growth against the same period a year earlier.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.RevenueReport> ReportClusterRevenue(Proto.ReportClusterRevenueRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => ReportClusterRevenueOnceAsync(request, context));

    private async Task<Proto.RevenueReport> ReportClusterRevenueOnceAsync(Proto.ReportClusterRevenueRequest request, ServerCallContext context)
    {
        var clusterId = ResourceName.Id(request.Parent, Cluster.Collection, "parent");
        var figures = new RevenueFigures(request.YearToDateRevenueYuan, request.EnterpriseCount, request.Note.Trim());
        var period = RevenueRules.Check(request.Period, figures, ChinaTime.Today(clock));
        if (!await db.Clusters.AnyAsync(c => c.Id == clusterId, context.CancellationToken))
        {
            throw ServiceException.NotFound(request.Parent);
        }

        var row = await ReportsOf(clusterId, period).WithPreviousYear(db).SingleOrDefaultAsync(context.CancellationToken);
        var report = row?.Report;
        var name = $"{request.Parent}/{RevenueReport.Collection}/{period}";
        if (report is not null)
        {
            if (request.Etag.Length == 0)
            {
                throw ServiceException.AlreadyExists(name + " (send its etag to replace it)");
            }

            Etag.Require(request.Etag, report.Version, name);
        }

        var previousYear = row is null
            ? await ReportsOf(clusterId, period.YearEarlier).Select(r => (long?)r.YearToDateRevenueYuan).SingleOrDefaultAsync(context.CancellationToken)
            : row.PreviousYearRevenueYuan;
        var actor = Actor.Of(context);
        var replaced = report?.ToProto(previousYear);
        if (report is null)
        {
            report = new RevenueReport(clusterId, period, figures, Now, actor);
            db.RevenueReports.Add(report);
        }
        else
        {
            db.RevenueReports.Attach(report); // read untracked with its year-earlier figure
            report.Replace(figures, Now, actor);
        }

        var proto = report.ToProto(previousYear);
        var @event = new Proto.ClusterRevenueReported { RevenueReport = proto };
        if (replaced is not null)
        {
            @event.PreviousRevenueReport = replaced;
        }

        outbox.Add(@event, report.Name, report.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    public override async Task<Proto.RevenueReport> GetRevenueReport(Proto.GetRevenueReportRequest request, ServerCallContext context)
    {
        var (clusterId, period) = ParseReportName(request.Name);
        var row = await ReportsOf(clusterId, period).WithPreviousYear(db).SingleOrDefaultAsync(context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        return row.Report.ToProto(row.PreviousYearRevenueYuan);
    }

    public override async Task<Proto.ListRevenueReportsResponse> ListRevenueReports(Proto.ListRevenueReportsRequest request, ServerCallContext context)
    {
        var clusterId = ResourceName.Id(request.Parent, Cluster.Collection, "parent");
        var pageSize = PageSize.Normalize(request.PageSize);
        var query = ListQueries.FilterRevenueReports(db.RevenueReports.AsNoTracking(), request.Filter);
        var scope = PageTokenCodec.Scope(nameof(ListRevenueReports), request.Parent, request.Filter);
        if (clusterId != "-")
        {
            if (!await db.Clusters.AnyAsync(c => c.Id == clusterId, context.CancellationToken))
            {
                throw ServiceException.NotFound(request.Parent);
            }

            query = query.Where(r => r.ClusterId == clusterId);
        }

        // Keyset: by cluster, then the latest period first.
        if (request.PageToken.Length > 0)
        {
            var (lastCluster, last) = pageTokens.Decode(request.PageToken, scope, keys =>
                keys.Count == 2 && ReportingPeriod.TryParse(keys[1]) is { } period ? (keys[0], period) : ((string, ReportingPeriod)?)null);
            query = query.Where(r => string.Compare(r.ClusterId, lastCluster) > 0
                || (r.ClusterId == lastCluster && (r.Year < last.Year || (r.Year == last.Year && r.Month < last.Month))));
        }

        var page = await query
            .OrderBy(r => r.ClusterId).ThenByDescending(r => r.Year).ThenByDescending(r => r.Month)
            .Take(pageSize + 1)
            .WithPreviousYear(db)
            .ToListAsync(context.CancellationToken);

        var response = new Proto.ListRevenueReportsResponse
        {
            RevenueReports = { page.Take(pageSize).Select(row => row.Report.ToProto(row.PreviousYearRevenueYuan)) },
        };
        if (page.Count > pageSize)
        {
            var last = page[pageSize - 1].Report;
            response.NextPageToken = pageTokens.Encode(scope, [last.ClusterId, last.Period.ToString()]);
        }

        return response;
    }

    public override async Task<Empty> DeleteRevenueReport(Proto.DeleteRevenueReportRequest request, ServerCallContext context)
    {
        var (clusterId, period) = ParseReportName(request.Name);
        var row = await ReportsOf(clusterId, period).WithPreviousYear(db).SingleOrDefaultAsync(context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        var report = row.Report;
        Etag.Require(request.Etag, report.Version, request.Name);

        var actor = Actor.Of(context);
        db.RevenueReports.Attach(report);
        report.MarkDeleted(Now, actor);
        outbox.Add(new Proto.ClusterRevenueReportDeleted { RevenueReport = report.ToProto(row.PreviousYearRevenueYuan) }, report.Name, report.Version, actor);
        db.RevenueReports.Remove(report);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private IQueryable<RevenueReport> ReportsOf(string clusterId, ReportingPeriod period) =>
        db.RevenueReports.AsNoTracking().Where(r => r.ClusterId == clusterId && r.Year == period.Year && r.Month == period.Month);

    private static (string ClusterId, ReportingPeriod Period) ParseReportName(string name)
    {
        var (clusterId, periodText) = ResourceName.ChildId(name, Cluster.Collection, RevenueReport.Collection);
        return (clusterId, ReportingPeriod.TryParse(periodText) ?? throw ServiceException.InvalidArgument("name", "must end in a month 'YYYY-MM'."));
    }
}
