using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>Looks up whether a month is closed: by the writes of its reports, and by the reads that serve published figures.</summary>
internal static class ClosedPeriodQueries
{
    public static Task<ClosedPeriod?> ClosedAsync(this ProjectsDbContext db, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.ClosedPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Year == period.Year && p.Month == period.Month, cancellationToken);

    public static Task<bool> IsClosedAsync(this ProjectsDbContext db, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.ClosedPeriods.AnyAsync(p => p.Year == period.Year && p.Month == period.Month, cancellationToken);
}
