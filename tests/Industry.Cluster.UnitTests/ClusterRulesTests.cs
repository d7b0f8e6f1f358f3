using Industry.Clusters.Domain;
using static Industry.Cluster.UnitTests.ClusterData;

namespace Industry.Cluster.UnitTests;

public sealed class ClusterRulesTests
{
    [Fact]
    public void Check_ValidCluster_HasNoViolations() => Assert.Empty(ClusterRules.Check(Draft));

    [Fact]
    public void Check_OnlyTheRequiredFields_HasNoViolations() =>
        Assert.Empty(ClusterRules.Check(new ClusterDraft { DisplayName = "某特色产业集群", Kind = ClusterKind.SmeCharacteristic, Industry = "industries/NEWMAT", LeadDivisionCode = "341200" }));

    [Theory]
    [InlineData("display_name")]
    [InlineData("kind")]
    [InlineData("industry")]
    [InlineData("lead_division_code")]
    [InlineData("host_park_display_name")]
    [InlineData("host_park")]
    [InlineData("description")]
    [InlineData("chain_leaders")]
    public void Check_OneBadField_ReportsExactlyThatField(string field)
    {
        var draft = field switch
        {
            "display_name" => Draft with { DisplayName = " " },
            "kind" => Draft with { Kind = (ClusterKind)7 },
            "industry" => Draft with { Industry = "industries/STEEL" },
            "lead_division_code" => Draft with { LeadDivisionCode = "340000" }, // the province, not a city or county
            "host_park_display_name" => Draft with { HostParkDisplayName = new string('园', ClusterRules.MaxNameLength + 1) },
            "host_park" => Draft with { HostPark = "parks/a/b" },
            "description" => Draft with { Description = new string('x', ClusterRules.MaxDescriptionLength + 1) },
            "chain_leaders" => Draft with { ChainLeaders = [.. Enumerable.Range(1, ClusterRules.MaxChainLeaders + 1).Select(i => "enterprises/" + Uscc(i))] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var violation = Assert.Single(ClusterRules.Check(draft));

        Assert.Equal("cluster." + field, violation.Field);
    }

    [Theory]
    [InlineData("AUTO")]                       // a code, not a resource name
    [InlineData("industry/AUTO")]
    [InlineData("industries/")]
    [InlineData("industries/AUTO/x")]
    public void Check_IndustryNotAResourceName_IsRejected(string industry) =>
        Assert.Equal("cluster.industry", Assert.Single(ClusterRules.Check(Draft with { Industry = industry })).Field);

    [Theory]
    [InlineData("91340000711771143J")]                    // no collection
    [InlineData("enterprises/91340000711771143K")]         // wrong check character
    [InlineData("enterprises/9134000071177114")]           // too short
    [InlineData("companies/91340000711771143J")]
    public void Check_BadChainLeader_NamesItsPosition(string leader)
    {
        var violation = Assert.Single(ClusterRules.Check(Draft with { ChainLeaders = ["enterprises/" + Uscc(5), leader] }));

        Assert.Equal("cluster.chain_leaders[1]", violation.Field);
    }

    [Fact]
    public void Check_ChainLeaderTwice_IsRejectedAtTheRepeat()
    {
        var leader = "enterprises/" + Uscc(9);

        var violation = Assert.Single(ClusterRules.Check(Draft with { ChainLeaders = [leader, "enterprises/" + Uscc(10), leader] }));

        Assert.Equal("cluster.chain_leaders[2]", violation.Field);
    }

    [Fact]
    public void Check_EmptyDraft_ReportsEveryRequiredField() =>
        Assert.Equal(
            ["display_name", "industry", "kind", "lead_division_code"],
            ClusterRules.Check(new ClusterDraft(), prefix: "").Select(v => v.Field).Order());

    [Theory]
    [InlineData(ClusterLevel.Provincial, 2023, new string[0])]
    [InlineData(ClusterLevel.National, 2000, new string[0])]
    [InlineData(ClusterLevel.None, 2023, new[] { "level" })]
    [InlineData((ClusterLevel)3, 2023, new[] { "level" })]
    [InlineData(ClusterLevel.Provincial, 0, new[] { "year" })]
    [InlineData(ClusterLevel.Provincial, 1999, new[] { "year" })]
    [InlineData(ClusterLevel.None, 2101, new[] { "level", "year" })]
    public void CheckRecognition_LevelAndYear(ClusterLevel level, int year, string[] fields) =>
        Assert.Equal(fields, ClusterRules.CheckRecognition(level, year).Select(v => v.Field));
}
