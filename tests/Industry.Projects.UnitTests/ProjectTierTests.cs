using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

public sealed class ProjectTierTests
{
    [Theory]
    [InlineData(99_999_999, ProjectTier.Guidance)]
    [InlineData(100_000_000, ProjectTier.Key)] // 亿元: exactly ¥100M is a key project
    [InlineData(999_999_999, ProjectTier.Key)]
    [InlineData(1_000_000_000, ProjectTier.Major)]
    [InlineData(12_000_000_000, ProjectTier.Major)]
    public void Of_TotalInvestment_IsItsTier(long yuan, ProjectTier tier) => Assert.Equal(tier, ProjectTiers.Of(yuan));

    [Theory]
    [InlineData(ProjectTier.Major, true)]
    [InlineData(ProjectTier.Key, true)]
    [InlineData(ProjectTier.Guidance, false)]
    public void IsKeyOrAbove_CountsForThePlan(ProjectTier tier, bool counted) => Assert.Equal(counted, ProjectTiers.IsKeyOrAbove(tier));
}
