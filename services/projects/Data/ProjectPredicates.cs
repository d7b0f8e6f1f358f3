using System.Linq.Expressions;

namespace Industry.Projects.Data;

/// <summary>The plan's definitions (key project, under implementation) as SQL-translatable predicates, written once for every query that counts by them.</summary>
internal static class ProjectPredicates
{
    /// <summary>Key projects in the plan's sense (亿元以上): tier KEY or MAJOR.</summary>
    public static readonly Expression<Func<Project, bool>> KeyOrAbove = p => p.Tier == ProjectTier.Major || p.Tier == ProjectTier.Key;

    /// <summary>
    /// 实施: construction overlaps <paramref name="year"/>, whatever the tier: started on or before 31 December and not
    /// completed before 1 January, so both projects started in the year (新开工) and continuing ones (续建) count.
    /// </summary>
    public static Expression<Func<Project, bool>> UnderImplementationIn(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return p => p.ActualStartDate != null && p.ActualStartDate <= last
            && (p.ActualCompletionDate == null || p.ActualCompletionDate >= first);
    }
}
