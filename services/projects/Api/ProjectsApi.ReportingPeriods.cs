using Grpc.Core;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>月度关账: closing a month, the closed months, their published figures and the dispatch bulletin (调度通报).</summary>
internal sealed partial class ProjectsApi
{
    public override Task<Proto.ReportingPeriod> ClosePeriod(Proto.ClosePeriodRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => periods.CloseAsync(w, request.Name));

    public override async Task<Proto.ReportingPeriod> GetReportingPeriod(Proto.GetReportingPeriodRequest request, ServerCallContext context)
    {
        var period = PeriodClosing.ParseName(request.Name, ClosedPeriod.Collection, ChinaTime.Today(clock));
        return (await db.ClosedAsync(period, context.CancellationToken))?.ToProto() ?? Mapping.OpenPeriod(period);
    }

    public override async Task<Proto.ListReportingPeriodsResponse> ListReportingPeriods(Proto.ListReportingPeriodsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var scope = PageTokenCodec.Scope(nameof(ListReportingPeriods));
        var query = db.ClosedPeriods.AsNoTracking();
        if (request.PageToken.Length > 0)
        {
            var last = pageTokens.Decode(request.PageToken, scope, keys =>
                keys.Count == 1 && ReportingPeriod.TryParse(keys[0]) is { } period ? period : (ReportingPeriod?)null);
            query = query.Where(p => p.Year < last.Year || (p.Year == last.Year && p.Month < last.Month));
        }

        var page = await query.OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListReportingPeriodsResponse
        {
            ReportingPeriods = { page.Take(pageSize).Select(p => p.ToProto()) },
            TotalSize = await db.ClosedPeriods.CountAsync(context.CancellationToken), // one row per closed month: cheap (AIP-158)
        };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, [page[pageSize - 1].Period]);
        }

        return response;
    }

    public override async Task<Proto.ProgressSnapshot> GetProgressSnapshot(Proto.GetProgressSnapshotRequest request, ServerCallContext context)
    {
        var period = PeriodClosing.ParseName(request.Name, ClosedPeriod.SnapshotCollection, ChinaTime.Today(clock));
        return (await db.ClosedAsync(period, context.CancellationToken))?.ToSnapshot() ?? throw ServiceException.NotFound(request.Name);
    }

    public override async Task<Proto.DispatchBulletin> GetDispatchBulletin(Proto.GetDispatchBulletinRequest request, ServerCallContext context)
    {
        var period = PeriodClosing.ParseName(request.Name, DispatchBulletins.Collection, ChinaTime.Today(clock));
        if (await db.ClosedAsync(period, context.CancellationToken) is { } closed)
        {
            var snapshot = closed.ToSnapshot();
            return DispatchBulletins.From(period, snapshot, snapshot.Name);
        }

        var figures = await scopes.CurrentFiguresAsync(period, clock.GetUtcNow().UtcDateTime, ChinaTime.Today(clock), DispatchBulletins.MaxLaggingProjects, context.CancellationToken);
        return DispatchBulletins.From(period, figures, progressSnapshot: null);
    }
}
