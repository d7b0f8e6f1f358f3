using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Reporting;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>月度调度: the monthly investment reports of a project.</summary>
internal sealed partial class ProjectsApi
{
    public override Task<Proto.InvestmentReport> ReportInvestment(Proto.ReportInvestmentRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => ReportInvestmentOnceAsync(request, context));

    private async Task<Proto.InvestmentReport> ReportInvestmentOnceAsync(Proto.ReportInvestmentRequest request, ServerCallContext context)
    {
        var proto = await ReportAsync(request, request.Parent, Actor.Of(context), context);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    /// <summary>
    /// Validates one month's report of <paramref name="parent"/> and applies it, with its <c>InvestmentReported</c>, to
    /// the pending changes (ReportInvestment and its batch, whose earlier items may have reported the same project).
    /// </summary>
    private async Task<Proto.InvestmentReport> ReportAsync(Proto.ReportInvestmentRequest request, string parent, string actor, ServerCallContext context)
    {
        var period = ReportingPeriod.TryParse(request.Period) ?? throw ServiceException.InvalidArgument("period", "must be a month 'YYYY-MM' from 2000-01 to 2100-12.");
        var project = await FindProjectForWriteAsync(parent, "parent", context);
        var report = db.InvestmentReports.Local.FirstOrDefault(r => r.ProjectId == project.Id && r.Year == period.Year && r.Month == period.Month)
            ?? await db.InvestmentReports.SingleOrDefaultAsync(
                r => r.ProjectId == project.Id && r.Year == period.Year && r.Month == period.Month, context.CancellationToken);
        var name = $"{project.Name}/investmentReports/{period}";
        if (report is not null)
        {
            if (request.Etag.Length == 0)
            {
                throw ServiceException.AlreadyExists(name + " (send its etag to replace it)");
            }

            Etag.Require(request.Etag, report.Version, name);
        }

        InvestmentRules.Check(project, period, request.CompletedInvestmentYuan, report?.CompletedInvestmentYuan ?? 0, ChinaTime.Today(clock));

        var previous = report?.ToProto();
        long delta;
        if (report is null)
        {
            report = new InvestmentReport(project.Id, period.Year, period.Month, request.CompletedInvestmentYuan, request.ProgressNote.Trim(), Now, actor);
            db.InvestmentReports.Add(report);
            delta = request.CompletedInvestmentYuan;
        }
        else
        {
            delta = report.Replace(request.CompletedInvestmentYuan, request.ProgressNote.Trim(), Now, actor);
        }

        project.RecordInvestment(delta, period.ToString(), Now, actor);
        var proto = report.ToProto();
        proto.CumulativeCompletedInvestmentYuan = await CumulativeThroughAsync(project.Id, period, context.CancellationToken) + PendingThrough(project.Id, period);
        var @event = new Proto.InvestmentReported { InvestmentReport = proto, Project = project.ToProto() };
        if (previous is not null)
        {
            @event.PreviousInvestmentReport = previous;
        }

        outbox.Add(@event, project.Name, project.Version, actor);
        return proto;
    }

    /// <summary>
    /// What the unsaved reports of the project through <paramref name="period"/> change in its stored cumulative
    /// investment: this call's report, and in a batch the earlier items' reports of the same project.
    /// </summary>
    private long PendingThrough(string projectId, ReportingPeriod period) =>
        db.ChangeTracker.Entries<InvestmentReport>()
            .Where(e => e.Entity.ProjectId == projectId
                && (e.Entity.Year < period.Year || (e.Entity.Year == period.Year && e.Entity.Month <= period.Month)))
            .Sum(e => e.State switch
            {
                EntityState.Added => e.Entity.CompletedInvestmentYuan,
                EntityState.Deleted => -e.OriginalValues.GetValue<long>(nameof(InvestmentReport.CompletedInvestmentYuan)),
                _ => e.Entity.CompletedInvestmentYuan - e.OriginalValues.GetValue<long>(nameof(InvestmentReport.CompletedInvestmentYuan)),
            });

    public override async Task<Proto.InvestmentReport> GetInvestmentReport(Proto.GetInvestmentReportRequest request, ServerCallContext context)
    {
        var (projectId, periodText) = ResourceName.ChildId(request.Name, "projects", "investmentReports");
        var period = ReportingPeriod.TryParse(periodText) ?? throw ServiceException.InvalidArgument("name", "must end in a month 'YYYY-MM'.");
        var report = await db.InvestmentReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProjectId == projectId && r.Year == period.Year && r.Month == period.Month, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        var proto = report.ToProto();
        proto.CumulativeCompletedInvestmentYuan = await CumulativeThroughAsync(projectId, period, context.CancellationToken);
        return proto;
    }

    public override async Task<Proto.ListInvestmentReportsResponse> ListInvestmentReports(Proto.ListInvestmentReportsRequest request, ServerCallContext context)
    {
        var projectId = ResourceName.Id(request.Parent, "projects", "parent");
        var filter = InvestmentReportListing.Filter.Translate(request.Filter);
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

    public override async Task<Empty> DeleteInvestmentReport(Proto.DeleteInvestmentReportRequest request, ServerCallContext context)
    {
        var (projectId, periodText) = ResourceName.ChildId(request.Name, "projects", "investmentReports");
        var period = ReportingPeriod.TryParse(periodText) ?? throw ServiceException.InvalidArgument("name", "must end in a month 'YYYY-MM'.");
        var project = await FindProjectForWriteAsync("projects/" + projectId, "name", context);
        var report = await db.InvestmentReports
            .SingleOrDefaultAsync(r => r.ProjectId == projectId && r.Year == period.Year && r.Month == period.Month, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        Etag.Require(request.Etag, report.Version, request.Name);

        var actor = Actor.Of(context);
        project.RecordInvestment(-report.CompletedInvestmentYuan, period.ToString(), Now, actor);
        db.InvestmentReports.Remove(report);
        outbox.Add(new Proto.InvestmentReportDeleted { InvestmentReport = report.ToProto(), Project = project.ToProto() }, project.Name, project.Version, actor);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    /// <summary>The project's completed investment through <paramref name="period"/>, by SQL over the report key.</summary>
    private Task<long> CumulativeThroughAsync(string projectId, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.InvestmentReports
            .Where(r => r.ProjectId == projectId && (r.Year < period.Year || (r.Year == period.Year && r.Month <= period.Month)))
            .SumAsync(r => r.CompletedInvestmentYuan, cancellationToken);
}
