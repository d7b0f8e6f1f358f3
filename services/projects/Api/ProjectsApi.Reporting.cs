using Grpc.Core;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>报送情况: who owes a month's report, who reported it in time, and who is still missing (ADR 0024).</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.ReportingStatus> GetReportingStatus(Proto.GetReportingStatusRequest request, ServerCallContext context) =>
        await db.ReportingStatusAsync(ReportedMonth(request.Period), clock.GetUtcNow().UtcDateTime, context.CancellationToken);

    public override async Task<Proto.ListMissingReportsResponse> ListMissingReports(Proto.ListMissingReportsRequest request, ServerCallContext context)
    {
        var period = ReportedMonth(request.Period);
        var (cityCode, countyCode) = (request.CityCode, request.CountyCode);
        ServiceException.ThrowIfAny(new Violations()
            .Add("city_code", cityCode.Length > 0 && !Divisions.IsCity(cityCode) ? "must be the code of a city of Anhui (GB/T 2260)." : null)
            .Add("county_code", countyCode.Length > 0 && !Divisions.IsCounty(countyCode) ? "must be the code of a county of Anhui (GB/T 2260)."
                : countyCode.Length > 0 && Divisions.IsCity(cityCode) && Divisions.CityOf(countyCode)?.Code != cityCode ? $"must be a county of city_code {cityCode}." : null));
        var pageSize = PageSize.Normalize(request.PageSize);
        var scope = PageTokenCodec.Scope(nameof(ListMissingReports), period.ToString(), cityCode, countyCode);
        var ct = context.CancellationToken;

        var query = db.MissingReport(period).AsNoTracking();
        if (cityCode.Length > 0)
        {
            query = query.Where(p => p.CityCode == cityCode);
        }

        if (countyCode.Length > 0)
        {
            query = query.Where(p => p.CountyCode == countyCode);
        }

        if (request.PageToken.Length > 0)
        {
            var after = pageTokens.Decode(request.PageToken, scope, keys => keys.Count == 1 ? ValueTuple.Create(keys[0]) : (ValueTuple<string>?)null).Item1;
            query = query.Where(p => string.Compare(p.Id, after) > 0);
        }

        var page = await query
            .OrderBy(p => p.Id)
            .Take(pageSize + 1)
            .Select(p => new { p.Id, p.ProjectCode, p.DisplayName, p.CityCode, p.CountyCode, p.EnterpriseUscc, p.EnterpriseDisplayName })
            .ToListAsync(ct);

        var deadlineDay = await db.ReportingDeadlineDayAsync(period.Year, ct);
        var status = ReportingCalendar.Status(period, deadlineDay, firstReportUtc: null, clock.GetUtcNow().UtcDateTime) == ReportStatus.Missing
            ? Proto.ReportStatus.Missing
            : Proto.ReportStatus.Pending;
        var response = new Proto.ListMissingReportsResponse { Deadline = ((DateOnly?)ReportingCalendar.Deadline(period, deadlineDay)).ToProtoDate() };
        response.MissingReports.Add(page.Take(pageSize).Select(p => new Proto.MissingReport
        {
            Project = Project.Collection + "/" + p.Id,
            Period = period.ToString(),
            Status = status,
            ProjectCode = p.ProjectCode,
            DisplayName = p.DisplayName,
            CityCode = p.CityCode,
            CountyCode = p.CountyCode,
            EnterpriseUscc = p.EnterpriseUscc,
            EnterpriseDisplayName = p.EnterpriseDisplayName,
        }));
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, [page[pageSize - 1].Id]);
        }

        return response;
    }

    /// <summary>
    /// The month of a reporting-status request: a valid <c>YYYY-MM</c> not after the current month (China Standard
    /// Time), or last month when empty.
    /// </summary>
    private ReportingPeriod ReportedMonth(string text)
    {
        var today = ChinaTime.Today(clock);
        var current = ReportingPeriod.Of(today);
        if (text.Length == 0)
        {
            return ReportingPeriod.Of(today.AddMonths(-1));
        }

        var period = ReportingPeriod.TryParse(text) ?? throw ServiceException.InvalidArgument("period", ReportingPeriod.Rule);
        return period > current ? throw ServiceException.InvalidArgument("period", $"{period} is in the future (the current month is {current}).") : period;
    }
}
