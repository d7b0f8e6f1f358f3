using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>GetClusterStats, as SQL aggregations over one cluster's memberships, qualifications and renovation projects.</summary>
internal static class ClusterStatsQueries
{
    /// <summary>The cluster's renovation projects (cancelled ones excluded), in one aggregate statement.</summary>
    public sealed record ProjectFigures(int Count, int UnderConstruction, int Key, long TotalInvestmentYuan, long CompletedInvestmentYuan);

    public sealed record MemberFigures(int Count, int AboveSize, IReadOnlyDictionary<QualificationType, int> ByQualification);

    /// <summary>The members' per-mu grades of the latest year any member was evaluated (0 and nothing when none was).</summary>
    public sealed record GradeFigures(int Year, IReadOnlyDictionary<PerMuGrade, int> ByGrade);

    public static async Task<ProjectFigures> ProjectsAsync(this ClusterDbContext db, string clusterId, CancellationToken cancellationToken) =>
        await db.RenovationProjects
            .Where(p => p.ClusterId == clusterId && p.State != RenovationProjectState.Cancelled)
            .GroupBy(p => p.ClusterId)
            .Select(g => new ProjectFigures(
                g.Count(),
                g.Count(p => p.State == RenovationProjectState.UnderConstruction),
                g.Count(p => p.Tier == RenovationProjectTier.Major || p.Tier == RenovationProjectTier.Key),
                g.Sum(p => p.TotalInvestmentYuan),
                g.Sum(p => p.CompletedInvestmentYuan)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new ProjectFigures(0, 0, 0, 0, 0);

    public static async Task<MemberFigures> MembersAsync(this ClusterDbContext db, string clusterId, CancellationToken cancellationToken)
    {
        var members = db.ClusterMembers.Where(m => m.ClusterId == clusterId);
        var counts = await members
            .GroupBy(m => m.ClusterId)
            .Select(g => new { Count = g.Count(), AboveSize = g.Count(m => db.Enterprises.Any(e => e.Uscc == m.Uscc && e.AboveSize)) })
            .SingleOrDefaultAsync(cancellationToken);
        var byQualification = await db.Qualifications.Where(q => q.RevokeTime == null && members.Any(m => m.Uscc == q.Uscc)).CountByAsync(q => q.Type, cancellationToken);
        return new MemberFigures(counts?.Count ?? 0, counts?.AboveSize ?? 0, byQualification);
    }

    public static async Task<GradeFigures> MemberGradesAsync(this ClusterDbContext db, string clusterId, CancellationToken cancellationToken)
    {
        var evaluations = db.PerMuEvaluations.Where(e => db.ClusterMembers.Any(m => m.ClusterId == clusterId && m.Uscc == e.Uscc));
        var year = await evaluations.MaxAsync(e => (int?)e.Year, cancellationToken) ?? 0;
        return year == 0
            ? new GradeFigures(0, new Dictionary<PerMuGrade, int>())
            : new GradeFigures(year, await evaluations.Where(e => e.Year == year).CountByAsync(e => e.Grade, cancellationToken));
    }
}
