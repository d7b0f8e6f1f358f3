using Google.Protobuf.WellKnownTypes;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Api;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>
/// 月度调度: a project's monthly investment reports, each written through its project (its city and county, its
/// cumulative total, its events). A county editor's entries wait for their city's review (<see cref="ReviewAsync"/>).
/// </summary>
internal sealed class InvestmentReportWrites(ProjectsDbContext db)
{
    /// <summary>
    /// Validates one month's report and applies it, with its <c>InvestmentReported</c> about the project, to the pending
    /// changes: a new month, or a replacement of a stored one when its etag is sent. A county editor's is SUBMITTED,
    /// anyone else's APPROVED.
    /// </summary>
    public async Task<Proto.InvestmentReport> ReportAsync(Write write, InvestmentReportDraft draft)
    {
        var period = ReportingPeriod.TryParse(draft.Period) ?? throw ServiceException.InvalidArgument("period", "must be a month 'YYYY-MM' from 2000-01 to 2100-12.");
        var project = await write.LoadAsync(db.Projects, Project.Collection, draft.Parent, "parent", etag: null);

        // By key, so that the tracked one comes first: in a batch an earlier item may have added this month, pending, not stored.
        var report = await db.InvestmentReports.FindAsync([project.Id, period.Year, period.Month], write.CancellationToken);
        var name = $"{project.Name}/investmentReports/{period}";
        if (report is not null)
        {
            if (draft.Etag.Length == 0)
            {
                throw ServiceException.AlreadyExists(name + " (send its etag to replace it)");
            }

            Etag.Require(draft.Etag, report.Version, name);
        }

        await write.LockPeriodForReportAsync(db, period);
        var correction = PeriodClosing.Correction(await db.IsClosedAsync(period, write.CancellationToken), write.Caller.IsProvinceAdmin, draft.CorrectionReason, name, period);
        InvestmentRules.Check(project, period, draft.CompletedInvestmentYuan, report?.CountedInvestmentYuan ?? 0, write.Today);

        var needsReview = write.Caller.IsCountyEditor;
        var previous = report?.ToProto();
        long delta;
        if (report is null)
        {
            report = await write.AddAbsentAsync(db.InvestmentReports, name, version => new InvestmentReport(project.Id, period.Year, period.Month, draft.CompletedInvestmentYuan, draft.ProgressNote, needsReview, write.Now, write.Actor, version));
            delta = report.CountedInvestmentYuan;
        }
        else
        {
            delta = report.Replace(draft.CompletedInvestmentYuan, draft.ProgressNote, needsReview, write.Now, write.Actor);
        }

        if (correction is not null)
        {
            report.RecordCorrection(correction);
        }

        project.RecordInvestment(delta, period.ToString(), write.Now, write.Actor);
        var proto = await WithCumulativeAsync(report, write);
        write.Raise(new Proto.InvestmentReported { InvestmentReport = proto, Project = project.ToProto(), PreviousInvestmentReport = previous }, project);
        if (correction is not null)
        {
            write.Raise(new Proto.InvestmentReportCorrected { InvestmentReport = proto, PreviousInvestmentReport = previous, CorrectionReason = correction }, report);
        }

        return proto;
    }

    /// <summary>月度调度 in bulk (AIP-233): <see cref="ReportAsync"/> for every item, in order, as one write.</summary>
    public async Task<Proto.BatchReportInvestmentsResponse> BatchReportAsync(Write write, string parent, IReadOnlyList<InvestmentReportDraft> items)
    {
        ResourceName.Id(parent, Project.Collection, "parent");
        var reports = await BatchItems.EachAsync(db, items, (item, _) => ReportAsync(write, item with { Parent = BatchItems.Parent(parent, item.Parent) }));
        return new() { InvestmentReports = { reports } };
    }

    /// <summary>
    /// Deletes a month's report, with its <c>InvestmentReportDeleted</c> about the project; in a closed month only as a
    /// province admin's correction (<paramref name="correctionReason"/>), raised as <c>InvestmentReportCorrected</c> too.
    /// </summary>
    public async Task<Empty> DeleteAsync(Write write, string name, string etag, string correctionReason = "")
    {
        var (project, report) = await LoadAsync(write, name, etag);
        report.RequireDeletable(write.Caller.IsCountyEditor);
        var period = new ReportingPeriod(report.Year, report.Month);
        await write.LockPeriodForReportAsync(db, period);
        var correction = PeriodClosing.Correction(await db.IsClosedAsync(period, write.CancellationToken), write.Caller.IsProvinceAdmin, correctionReason, name, period);
        project.RecordInvestment(-report.CountedInvestmentYuan, report.Period, write.Now, write.Actor);
        var before = report.ToProto();
        if (correction is not null)
        {
            // The deletion is the report's last version: the correction event about it orders after any earlier one.
            report.MarkDeleted(write.Now, write.Actor);
            write.Raise(new Proto.InvestmentReportCorrected { PreviousInvestmentReport = before, CorrectionReason = correction }, report);
        }

        await write.RemoveAsync(db.InvestmentReports, report);
        write.Raise(new Proto.InvestmentReportDeleted { InvestmentReport = before, Project = project.ToProto() }, project);
        return new Empty();
    }

    /// <summary>
    /// 审核: approves a submitted report (it counts from now on: the project's cumulative total and its city's month
    /// grow by its amount) or returns it with <paramref name="returnReason"/>; raises <c>InvestmentReportApproved</c> or
    /// <c>InvestmentReportReturned</c> about the project. In a closed month only as a province admin's correction
    /// (<paramref name="correctionReason"/>, ADR 0026), raised as <c>InvestmentReportCorrected</c> too: an approval there
    /// changes the month's counted figures, a return its reporting status.
    /// </summary>
    public async Task<Proto.InvestmentReport> ReviewAsync(Write write, string name, string etag, string? returnReason, string correctionReason = "")
    {
        var reason = returnReason is null ? null : FieldText.RequireReason(returnReason);
        var (project, report) = await LoadAsync(write, name, etag);
        var period = new ReportingPeriod(report.Year, report.Month);
        await write.LockPeriodForReportAsync(db, period);
        var correction = PeriodClosing.Correction(await db.IsClosedAsync(period, write.CancellationToken), write.Caller.IsProvinceAdmin, correctionReason, name, period);
        var previous = correction is null ? null : report.ToProto();
        if (reason is null)
        {
            project.RecordInvestment(report.Approve(project, write.Now, write.Actor), report.Period, write.Now, write.Actor);
        }
        else
        {
            report.Return(reason, write.Now, write.Actor);
            project.RecordInvestment(0, report.Period, write.Now, write.Actor);
        }

        if (correction is not null)
        {
            report.RecordCorrection(correction);
        }

        var proto = await WithCumulativeAsync(report, write);
        if (reason is null)
        {
            write.Raise(new Proto.InvestmentReportApproved { InvestmentReport = proto, Project = project.ToProto() }, project);
        }
        else
        {
            write.Raise(new Proto.InvestmentReportReturned { InvestmentReport = proto, Project = project.ToProto() }, project);
        }

        if (correction is not null)
        {
            write.Raise(new Proto.InvestmentReportCorrected { InvestmentReport = proto, PreviousInvestmentReport = previous, CorrectionReason = correction }, report);
        }

        return proto;
    }

    /// <summary>The report named <paramref name="name"/> and its project, after the project's city (county) rule and the report's etag.</summary>
    private async Task<(Project Project, InvestmentReport Report)> LoadAsync(Write write, string name, string etag)
    {
        var (projectId, periodText) = ResourceName.ChildId(name, Project.Collection, "investmentReports");
        var period = ReportingPeriod.TryParse(periodText) ?? throw ServiceException.InvalidArgument("name", "must end in a month 'YYYY-MM'.");
        var project = await write.LoadAsync(db.Projects, Project.Collection, Project.Collection + "/" + projectId, "name", etag: null);
        var report = await write.LoadAsync(db.InvestmentReports.Where(r => r.ProjectId == projectId && r.Year == period.Year && r.Month == period.Month), name, etag);
        return (project, report);
    }

    /// <summary>The report's proto with the project's counted investment through its month, stored and pending in this write.</summary>
    private async Task<Proto.InvestmentReport> WithCumulativeAsync(InvestmentReport report, Write write)
    {
        var period = new ReportingPeriod(report.Year, report.Month);
        var proto = report.ToProto();
        proto.CumulativeCompletedInvestmentYuan = await db.CumulativeThroughAsync(report.ProjectId, period, write.CancellationToken) + PendingThrough(report.ProjectId, period);
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
            .Sum(CityInvestmentTotals.Delta);
}
