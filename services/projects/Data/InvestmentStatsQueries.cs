using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>Completed investment over a range of months grouped by one of the project's dimensions, in one SQL query.</summary>
internal static class InvestmentStatsQueries
{
    public sealed record Group(string Key, int ProjectCount, long TotalInvestmentYuan, long CompletedYuan);

    /// <summary>
    /// Per group: the projects (those matching <paramref name="projectFilter"/>, when given) with a report in the months
    /// <paramref name="start"/>..<paramref name="end"/>, the sum of their total investment, and their completed investment
    /// in those months. Months are compared as year*12+month.
    /// </summary>
    public static Task<List<Group>> CompletedByAsync(this ProjectsDbContext db, Expression<Func<Project, string>> key, Expression<Func<Project, bool>>? projectFilter, ReportingPeriod start, ReportingPeriod end, CancellationToken cancellationToken)
    {
        int first = (start.Year * 12) + start.Month, last = (end.Year * 12) + end.Month;
        var projects = projectFilter is null ? db.Projects : db.Projects.Where(projectFilter);
        return db.InvestmentReports
            // The year bounds repeat what the month numbers imply, so that the (year, month) index gives a range scan.
            .Where(r => r.Year >= start.Year && r.Year <= end.Year && (r.Year * 12) + r.Month >= first && (r.Year * 12) + r.Month <= last)
            .GroupBy(r => r.ProjectId)
            .Select(g => new { ProjectId = g.Key, Completed = g.Sum(r => r.CompletedInvestmentYuan) })
            .Join(projects.Select(Keyed(key)), x => x.ProjectId, p => p.Id, (x, p) => new { p.Key, p.TotalInvestmentYuan, x.Completed })
            .GroupBy(x => x.Key)
            .Select(g => new { g.Key, Count = g.Count(), Total = g.Sum(x => x.TotalInvestmentYuan), Completed = g.Sum(x => x.Completed) })
            .Select(g => new Group(g.Key, g.Count, g.Total, g.Completed))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A project with its group key; member-initialised so that EF can follow its members through the query.</summary>
    public sealed class KeyedProject
    {
        public string Id { get; init; } = string.Empty;

        public long TotalInvestmentYuan { get; init; }

        public string Key { get; init; } = string.Empty;
    }

    /// <summary><c>p => new KeyedProject { Id = p.Id, TotalInvestmentYuan = …, Key = key(p) }</c>, built so that EF translates the key.</summary>
    private static Expression<Func<Project, KeyedProject>> Keyed(Expression<Func<Project, string>> key)
    {
        var p = key.Parameters[0];
        return Expression.Lambda<Func<Project, KeyedProject>>(
            Expression.MemberInit(
                Expression.New(typeof(KeyedProject)),
                Expression.Bind(typeof(KeyedProject).GetProperty(nameof(KeyedProject.Id))!, Expression.Property(p, nameof(Project.Id))),
                Expression.Bind(typeof(KeyedProject).GetProperty(nameof(KeyedProject.TotalInvestmentYuan))!, Expression.Property(p, nameof(Project.TotalInvestmentYuan))),
                Expression.Bind(typeof(KeyedProject).GetProperty(nameof(KeyedProject.Key))!, key.Body)),
            p);
    }
}
