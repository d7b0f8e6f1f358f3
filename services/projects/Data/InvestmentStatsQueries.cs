using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Industry.Projects.Data;

/// <summary>
/// Completed investment over a range of months and the same months a year earlier, grouped by one of the project's
/// dimensions or by month, in one SQL query over <see cref="ProjectYearInvestment"/> (one row per project and year,
/// ADR 0047) instead of the reports themselves.
/// </summary>
internal static class InvestmentStatsQueries
{
    /// <summary>
    /// One group: the projects with an approved report in the range, the sum of their total investment, their approved
    /// completed investment in the range and in the same months a year earlier.
    /// </summary>
    public sealed record Group(string Key, int ProjectCount, long TotalInvestmentYuan, long CompletedYuan, long PreviousYearCompletedYuan);

    /// <summary>
    /// Per group key: the projects (those matching <paramref name="projectFilter"/>, when given) with an approved report
    /// in <paramref name="range"/> and the sums of <see cref="Group"/>; keys with no approved report in the range nor a
    /// year earlier are absent.
    /// </summary>
    public static async Task<List<Group>> CompletedByAsync(this ProjectsDbContext db, Expression<Func<Project, string>> key, Expression<Func<Project, bool>>? projectFilter, MonthRange range, CancellationToken cancellationToken)
    {
        var projects = (projectFilter is null ? db.Projects : db.Projects.Where(projectFilter))
            .Select(WithKey((Project p, string k) => new { p.Id, p.TotalInvestmentYuan, Key = k }, key));
        var sums = await db.ProjectYearInvestments.Within(range)
            .Join(projects, r => r.Row.ProjectId, p => p.Id, (r, p) => new { p.Key, p.TotalInvestmentYuan, r.Counted, r.YearEarlier, r.Row })
            .GroupBy(x => new { x.Key, x.Row.Year })
            .Select(g => new KeyYearSums(
                g.Key.Key,
                g.Key.Year,
                g.Sum(x => x.Counted),
                g.Sum(x => x.Counted * x.TotalInvestmentYuan),
                g.Sum(x => x.YearEarlier),
                new MonthAmounts(
                    g.Sum(x => x.Row.Month01),
                    g.Sum(x => x.Row.Month02),
                    g.Sum(x => x.Row.Month03),
                    g.Sum(x => x.Row.Month04),
                    g.Sum(x => x.Row.Month05),
                    g.Sum(x => x.Row.Month06),
                    g.Sum(x => x.Row.Month07),
                    g.Sum(x => x.Row.Month08),
                    g.Sum(x => x.Row.Month09),
                    g.Sum(x => x.Row.Month10),
                    g.Sum(x => x.Row.Month11),
                    g.Sum(x => x.Row.Month12))))
            .ToListAsync(cancellationToken);
        return [.. sums.GroupBy(s => s.Key, StringComparer.Ordinal)
            .Where(g => g.Sum(s => s.Counted + s.YearEarlier) > 0)
            .Select(g => new Group(
                g.Key,
                g.Sum(s => s.Counted),
                g.Sum(s => s.CountedTotalInvestmentYuan),
                g.Sum(s => s.Completed.In(range.MonthsOf(s.Year))),
                g.Sum(s => s.Completed.In(range.MonthsOf(s.Year + 1)))))];
    }

    /// <summary>
    /// Per month of <paramref name="range"/> (key <c>YYYY-MM</c>): the projects (those matching
    /// <paramref name="projectFilter"/>, when given) with an approved report for the month, the sum of their total
    /// investment, the month's approved completed investment and the same month's a year earlier; months with no
    /// approved report in either are absent. And the whole range's, with each project counted once.
    /// </summary>
    public static async Task<(List<Group> Months, Group Total)> CompletedByMonthAsync(this ProjectsDbContext db, Expression<Func<Project, bool>>? projectFilter, MonthRange range, CancellationToken cancellationToken)
    {
        var projects = projectFilter is null ? db.Projects : db.Projects.Where(projectFilter);
        // Grouped by the set of months reported: each group's projects reported in each of its months, so the months'
        // project counts and investment follow from a few hundred groups.
        var sums = await db.ProjectYearInvestments.Within(range)
            .Join(projects, r => r.Row.ProjectId, p => p.Id, (r, p) => new { p.TotalInvestmentYuan, r.Counted, r.Row })
            .GroupBy(x => new { x.Row.Year, x.Row.ReportedMonths })
            .Select(g => new ReportedMonthsYearSums(
                g.Key.Year,
                g.Key.ReportedMonths,
                g.Count(),
                g.Sum(x => x.TotalInvestmentYuan),
                g.Sum(x => x.Counted),
                g.Sum(x => x.Counted * x.TotalInvestmentYuan),
                new MonthAmounts(
                    g.Sum(x => x.Row.Month01),
                    g.Sum(x => x.Row.Month02),
                    g.Sum(x => x.Row.Month03),
                    g.Sum(x => x.Row.Month04),
                    g.Sum(x => x.Row.Month05),
                    g.Sum(x => x.Row.Month06),
                    g.Sum(x => x.Row.Month07),
                    g.Sum(x => x.Row.Month08),
                    g.Sum(x => x.Row.Month09),
                    g.Sum(x => x.Row.Month10),
                    g.Sum(x => x.Row.Month11),
                    g.Sum(x => x.Row.Month12))))
            .ToListAsync(cancellationToken);
        List<Group> months = [.. range.Months()
            .Select(month => (
                Month: month,
                Now: sums.Where(s => s.Year == month.Year && s.Reported(month.Month)).ToList(),
                YearEarlier: sums.Where(s => s.Year == month.Year - 1 && s.Reported(month.Month)).ToList()))
            .Where(m => m.Now.Count + m.YearEarlier.Count > 0)
            .Select(m => new Group(
                m.Month.ToString(),
                m.Now.Sum(s => s.Rows),
                m.Now.Sum(s => s.RowsTotalInvestmentYuan),
                m.Now.Sum(s => s.Completed.In(MonthRange.MonthBits(m.Month.Month, m.Month.Month))),
                m.YearEarlier.Sum(s => s.Completed.In(MonthRange.MonthBits(m.Month.Month, m.Month.Month)))))];
        var total = new Group(string.Empty, sums.Sum(s => s.Counted), sums.Sum(s => s.CountedTotalInvestmentYuan), months.Sum(m => m.CompletedYuan), months.Sum(m => m.PreviousYearCompletedYuan));
        return (months, total);
    }

    /// <summary>
    /// The rows of the range's years and the year before, each with whether it counts its project in the range (it has
    /// a report in the range's months of its year, and the project none in the range before that year: so each project
    /// counts once without grouping by project) and whether it has a report in the range's months a year earlier.
    /// </summary>
    private static IQueryable<RangeRow> Within(this IQueryable<ProjectYearInvestment> rows, MonthRange range)
    {
        int first = range.Start.Year, last = range.End.Year, firstMonths = range.FirstYearMonths, lastMonths = range.LastYearMonths, start = range.Start.Ordinal;
        const int all = MonthRange.AllMonths;
        return rows
            .Where(r => r.Year >= first - 1 && r.Year <= last)
            .Select(r => new RangeRow
            {
                Row = r,
                Counted = r.Year >= first && (r.ReportedMonths & (r.Year == first ? firstMonths : all) & (r.Year == last ? lastMonths : all)) != 0 && r.LastReportedBefore < start ? 1 : 0,
                YearEarlier = r.Year < last && (r.ReportedMonths & (r.Year == first - 1 ? firstMonths : all) & (r.Year == last - 1 ? lastMonths : all)) != 0 ? 1 : 0,
            });
    }

    private sealed class RangeRow
    {
        public required ProjectYearInvestment Row { get; init; }

        public int Counted { get; init; }

        public int YearEarlier { get; init; }
    }

    /// <summary>
    /// Sums over the rows of one year whose projects share a group key (<see cref="CompletedByAsync"/>): the rows that
    /// count their project in the range and those projects' total investment, the rows with a report in the range's
    /// months a year earlier, and the months' completed investment.
    /// </summary>
    private sealed record KeyYearSums(string Key, int Year, int Counted, long CountedTotalInvestmentYuan, int YearEarlier, MonthAmounts Completed);

    /// <summary>
    /// Sums over the rows of one year with the same set of months reported (<see cref="CompletedByMonthAsync"/>): the
    /// rows and their projects' total investment, the rows that count their project in the range and those projects'
    /// total investment, and the months' completed investment.
    /// </summary>
    private sealed record ReportedMonthsYearSums(int Year, int ReportedMonths, int Rows, long RowsTotalInvestmentYuan, int Counted, long CountedTotalInvestmentYuan, MonthAmounts Completed)
    {
        public bool Reported(int month) => (ReportedMonths & MonthRange.MonthBits(month, month)) != 0;
    }

    /// <summary>Completed investment per month of one year, summed over a set of <see cref="ProjectYearInvestment"/> rows.</summary>
    private readonly record struct MonthAmounts(
        long Month01,
        long Month02,
        long Month03,
        long Month04,
        long Month05,
        long Month06,
        long Month07,
        long Month08,
        long Month09,
        long Month10,
        long Month11,
        long Month12)
    {
        /// <summary>The completed investment of the months in <paramref name="months"/> (bit <c>month - 1</c>).</summary>
        public long In(int months)
        {
            var sum = 0L;
            for (var month = 1; month <= 12; month++)
            {
                if ((months & (1 << (month - 1))) != 0)
                {
                    sum += Of(month);
                }
            }

            return sum;
        }

        private long Of(int month) => month switch
        {
            1 => Month01,
            2 => Month02,
            3 => Month03,
            4 => Month04,
            5 => Month05,
            6 => Month06,
            7 => Month07,
            8 => Month08,
            9 => Month09,
            10 => Month10,
            11 => Month11,
            _ => Month12,
        };
    }

    /// <summary><paramref name="shape"/> given <paramref name="key"/> of its project as its second argument, in one lambda that EF translates.</summary>
    private static Expression<Func<Project, T>> WithKey<T>(Expression<Func<Project, string, T>> shape, Expression<Func<Project, string>> key) =>
        Expression.Lambda<Func<Project, T>>(
            ReplacingExpressionVisitor.Replace(shape.Parameters[1], ReplacingExpressionVisitor.Replace(key.Parameters[0], shape.Parameters[0], key.Body), shape.Body),
            shape.Parameters[0]);
}
