using Industry.Clusters.Domain;
using static Industry.Cluster.UnitTests.EnterpriseData;

namespace Industry.Cluster.UnitTests;

/// <summary>An enterprise's content: validation, the derived city and industry, and what a revision changes.</summary>
public sealed class EnterpriseTests
{
    [Fact]
    public void Check_ValidDraft_HasNoViolations() => Assert.Empty(EnterpriseRules.Check(Draft, CurrentYear));

    [Theory]
    [InlineData("display_name")]
    [InlineData("county_code")]
    [InlineData("gbt4754_class")]
    [InlineData("industry")]
    [InlineData("above_size_year")]
    public void Check_OneBadField_ReportsExactlyThatField(string field)
    {
        var draft = field switch
        {
            "display_name" => Draft with { DisplayName = "" },
            "county_code" => Draft with { CountyCode = "340100" }, // a city, not a county
            "gbt4754_class" => Draft with { Gbt4754Class = "A0111" },
            "industry" => Draft with { Industry = "industries/STEEL" },
            "above_size_year" => Draft with { AboveSizeYear = CurrentYear + 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.Equal("enterprise." + field, Assert.Single(EnterpriseRules.Check(draft, CurrentYear)).Field);
    }

    [Fact]
    public void Check_AboveSizeWithoutYear_IsRejected() =>
        Assert.Equal("enterprise.above_size_year", Assert.Single(EnterpriseRules.Check(Draft with { AboveSizeYear = 0 }, CurrentYear)).Field);

    [Fact]
    public void Check_NoLongerAboveSizeKeepsItsYear_IsAccepted() =>
        Assert.Empty(EnterpriseRules.Check(Draft with { AboveSize = false, AboveSizeYear = 2019 }, CurrentYear));

    [Fact]
    public void Create_WithoutIndustry_DerivesCityAndIndustryFromCountyAndClass()
    {
        var enterprise = NewEnterprise();

        Assert.Equal(("340100", "EQUIP", 1L), (enterprise.CityCode, enterprise.IndustryCode, enterprise.Version)); // C3841 is in EQUIP's C38
    }

    [Theory]
    [InlineData("C3851", "HOMEAPP")] // C385 (home appliances) is more specific than EQUIP's C38
    [InlineData("C3825", "PV")]
    [InlineData("C3612", "AUTO")]
    [InlineData("C4210", "")]        // waste recycling (C42): in no 4+10 industry's prefixes
    public void IndustryCode_FromClass_IsTheLongestMatchingPrefix(string gbt4754Class, string industry) =>
        Assert.Equal(industry, EnterpriseRules.IndustryCode(string.Empty, gbt4754Class));

    [Fact]
    public void Create_ExplicitIndustry_KeepsIt()
    {
        var enterprise = Enterprise.Create(ClusterData.Uscc(2), Draft with { Industry = "industries/NEWMAT" }, ClusterData.Now, "alice");

        Assert.Equal("NEWMAT", enterprise.IndustryCode);
    }

    [Fact]
    public void Revise_ChangedFields_AreReportedAndBumpTheVersion()
    {
        var enterprise = NewEnterprise();

        var changed = enterprise.Revise(Draft with { CountyCode = "340207", AboveSize = false }, ClusterData.Now, "bob");

        Assert.Equal(["county_code", "above_size"], changed);
        Assert.Equal(("340200", 2021, 2L), (enterprise.CityCode, enterprise.AboveSizeYear, enterprise.Version));
    }

    [Fact]
    public void Revise_SameContent_ChangesNothing()
    {
        var enterprise = NewEnterprise();

        Assert.Empty(enterprise.Revise(enterprise.ToDraft(), ClusterData.Now, "bob"));
        Assert.Equal(1L, enterprise.Version);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(2024, null)]
    [InlineData(1800, "join_year")]
    [InlineData(2025, "join_year")]
    public void JoinYearProblem_OnlyUnknownOrPastYears(int year, string? problem) =>
        Assert.Equal(problem is null, EnterpriseRules.JoinYearProblem(year, CurrentYear) is null);
}
