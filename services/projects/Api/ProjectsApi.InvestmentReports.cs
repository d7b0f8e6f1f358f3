using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>月度调度: the monthly investment reports of a project.</summary>
internal sealed partial class ProjectsApi
{
    public override Task<Proto.InvestmentReport> ReportInvestment(Proto.ReportInvestmentRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => reports.ReportAsync(w, request.ToDraft()));

    public override Task<Proto.BatchReportInvestmentsResponse> BatchReportInvestments(Proto.BatchReportInvestmentsRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => reports.BatchReportAsync(w, request.Parent, [.. request.Requests.Select(r => r.ToDraft())]));

    public override Task<Empty> DeleteInvestmentReport(Proto.DeleteInvestmentReportRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => reports.DeleteAsync(w, request.Name, request.Etag, request.CorrectionReason));

    public override Task<Proto.InvestmentReport> ApproveInvestmentReport(Proto.ApproveInvestmentReportRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => reports.ReviewAsync(w, request.Name, request.Etag, returnReason: null, request.CorrectionReason));

    public override Task<Proto.InvestmentReport> ReturnInvestmentReport(Proto.ReturnInvestmentReportRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => reports.ReviewAsync(w, request.Name, request.Etag, request.Reason, request.CorrectionReason));

    public override async Task<Proto.InvestmentReport> GetInvestmentReport(Proto.GetInvestmentReportRequest request, ServerCallContext context)
    {
        var (projectId, periodText) = ResourceName.ChildId(request.Name, "projects", "investmentReports");
        var period = ReportingPeriod.TryParse(periodText) ?? throw ServiceException.InvalidArgument("name", "must end in a month 'YYYY-MM'.");
        var report = await db.InvestmentReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProjectId == projectId && r.Year == period.Year && r.Month == period.Month, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        var proto = report.ToProto();
        proto.CumulativeCompletedInvestmentYuan = await db.CumulativeThroughAsync(projectId, period, context.CancellationToken);
        return proto;
    }

    public override async Task<Proto.ListInvestmentReportsResponse> ListInvestmentReports(Proto.ListInvestmentReportsRequest request, ServerCallContext context)
    {
        var projectId = ResourceName.Id(request.Parent, "projects", "parent");
        var filter = InvestmentReportListing.Filter(db.Projects.AsNoTracking()).Translate(request.Filter);
        var pageSize = PageSize.Normalize(request.PageSize);
        var scope = PageTokenCodec.Scope(nameof(ListInvestmentReports), request.Parent, request.Filter);
        var query = db.InvestmentReports.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        if (projectId != "-")
        {
            if (!await db.Projects.AnyAsync(p => p.Id == projectId, context.CancellationToken))
            {
                throw ServiceException.NotFound(request.Parent);
            }

            query = query.Where(r => r.ProjectId == projectId);
        }

        // Keyset: by project, then the latest month first.
        if (request.PageToken.Length > 0)
        {
            var (lastProject, lastPeriod) = pageTokens.Decode(request.PageToken, scope, keys =>
                keys.Count == 2 && ReportingPeriod.TryParse(keys[1]) is { } period ? (keys[0], period) : ((string, ReportingPeriod)?)null);
            // The leading bound repeats what the OR implies, so that the database starts an index range scan there.
            query = query.Where(r => string.Compare(r.ProjectId, lastProject) >= 0
                && (string.Compare(r.ProjectId, lastProject) > 0
                    || (r.ProjectId == lastProject && (r.Year < lastPeriod.Year || (r.Year == lastPeriod.Year && r.Month < lastPeriod.Month)))));
        }

        var page = await query
            .OrderBy(r => r.ProjectId).ThenByDescending(r => r.Year).ThenByDescending(r => r.Month)
            .Take(pageSize + 1)
            .Select(r => new
            {
                Report = r,
                Cumulative = db.InvestmentReports
                    .Where(x => x.ProjectId == r.ProjectId && (x.Year < r.Year || (x.Year == r.Year && x.Month <= r.Month)))
                    .Where(InvestmentReportListing.Counted)
                    .Sum(x => x.CompletedInvestmentYuan),
            })
            .ToListAsync(context.CancellationToken);

        var response = new Proto.ListInvestmentReportsResponse();
        foreach (var row in page.Take(pageSize))
        {
            var proto = row.Report.ToProto();
            proto.CumulativeCompletedInvestmentYuan = row.Cumulative;
            response.InvestmentReports.Add(proto);
        }

        if (page.Count > pageSize)
        {
            var last = page[pageSize - 1].Report;
            response.NextPageToken = pageTokens.Encode(scope, [last.ProjectId, last.Period]);
        }

        return response;
    }
}
