using Proto = Industry.Projects.V1;

namespace Industry.Projects.Data;

/// <summary>
/// 报送情况 of a month, as published: answered on read by GetReportingStatus and the provisional dispatch bulletin, and
/// once more when a month is closed, to be stored in its snapshot. One computation, so that a snapshot holds what
/// GetReportingStatus answered at the moment of the close.
/// </summary>
internal static class ReportingStatusReport
{
    /// <summary>The reporting status of <paramref name="period"/> at <paramref name="nowUtc"/>: per county, city and the province.</summary>
    public static async Task<Proto.ReportingStatus> ReportingStatusAsync(this ProjectsDbContext db, ReportingPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var deadlineDay = await db.ReportingDeadlineDayAsync(period.Year, cancellationToken);
        var counties = await db.ReportingCountsAsync(period, ReportingCalendar.DeadlineEndUtc(period, deadlineDay), cancellationToken);

        var status = new Proto.ReportingStatus
        {
            Period = period.ToString(),
            Deadline = ((DateOnly?)ReportingCalendar.Deadline(period, deadlineDay)).ToProtoDate(),
            DeadlinePassed = ReportingCalendar.DeadlinePassed(period, deadlineDay, nowUtc),
            Province = Counts(counties),
        };
        foreach (var city in Divisions.Cities)
        {
            var ofCity = counties.Where(c => c.CityCode == city.Code).ToList();
            var row = new Proto.CityReportingStatus { CityCode = city.Code, Counts = Counts(ofCity) };
            row.Counties.Add(ofCity
                .GroupBy(c => c.CountyCode, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Proto.CountyReportingStatus { CountyCode = g.Key, Counts = Counts([.. g]) }));
            status.Cities.Add(row);
        }

        return status;
    }

    private static Proto.ReportingCounts Counts(IReadOnlyCollection<ReportingStatusQueries.CountyCounts> counties)
    {
        var (due, onTime, late) = (counties.Sum(c => c.Due), counties.Sum(c => c.OnTime), counties.Sum(c => c.Late));
        return new Proto.ReportingCounts
        {
            DueCount = due,
            OnTimeCount = onTime,
            LateCount = late,
            MissingCount = due - onTime - late,
            AwaitingReviewCount = counties.Sum(c => c.AwaitingReview),
        };
    }
}
