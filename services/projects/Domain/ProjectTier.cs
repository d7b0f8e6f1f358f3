namespace Industry.Projects.Domain;

/// <summary>
/// The project's tier by total investment, computed, never entered: 重大 MAJOR from ¥1bn, 重点 KEY from ¥100M
/// (the "亿元以上" projects the plan counts), 引导 GUIDANCE below.
/// </summary>
public enum ProjectTier
{
    Major = 1,
    Key = 2,
    Guidance = 3,
}

public static class ProjectTiers
{
    public const long KeyThresholdYuan = 100_000_000;
    public const long MajorThresholdYuan = 1_000_000_000;

    public static ProjectTier Of(long totalInvestmentYuan) => totalInvestmentYuan switch
    {
        >= MajorThresholdYuan => ProjectTier.Major,
        >= KeyThresholdYuan => ProjectTier.Key,
        _ => ProjectTier.Guidance,
    };

    /// <summary>Key projects in the plan's sense (实施亿元以上重点技改项目): KEY and MAJOR.</summary>
    public static bool IsKeyOrAbove(ProjectTier tier) => tier is ProjectTier.Major or ProjectTier.Key;
}
