using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

public sealed class ProjectRulesTests
{
    private static readonly ProjectDraft Valid = new()
    {
        DisplayName = "年产20GWh动力电池技术改造项目",
        ProjectCode = "2023-340104-38-03-012345",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 1_500_000_000,
        EquipmentInvestmentYuan = 900_000_000,
        PlannedStartDate = new DateOnly(2023, 3, 1),
        PlannedCompletionDate = new DateOnly(2025, 6, 30),
        Cluster = "clusters/hefei-ev",
        Park = "parks/hefei-hitech",
        DigitalTransformation = true,
    };

    [Fact]
    public void Check_ValidProject_HasNoViolations() => Assert.Empty(ProjectRules.Check(Valid));

    [Theory]
    [InlineData(ProjectSource.Unspecified)]
    [InlineData(ProjectSource.InvestmentAttraction)]
    [InlineData(ProjectSource.WorldManufacturingConvention)]
    [InlineData(ProjectSource.OwnInvestment)]
    [InlineData(ProjectSource.Other)]
    public void Check_EverySourceOrNone_IsAccepted(ProjectSource source) => Assert.Empty(ProjectRules.Check(Valid with { Source = source }));

    [Theory]
    [InlineData("enterprise_uscc")]
    [InlineData("county_code")]
    [InlineData("industry")]
    [InlineData("gbt4754_class")]
    [InlineData("project_code")]
    [InlineData("total_investment_yuan")]
    [InlineData("equipment_investment_yuan")]
    [InlineData("planned_completion_date")]
    [InlineData("cluster")]
    [InlineData("display_name")]
    [InlineData("source")]
    public void Check_OneBadField_ReportsExactlyThatField(string field)
    {
        var draft = field switch
        {
            "enterprise_uscc" => Valid with { EnterpriseUscc = "91340000711771143K" },
            "county_code" => Valid with { CountyCode = "340100" }, // a city, not a county
            "industry" => Valid with { Industry = "STEEL" },
            "gbt4754_class" => Valid with { Gbt4754Class = "C1310" }, // food processing is not equipment
            "project_code" => Valid with { ProjectCode = "2023-340104-38-03-01234X" },
            "total_investment_yuan" => Valid with { TotalInvestmentYuan = 0, EquipmentInvestmentYuan = 0 },
            "equipment_investment_yuan" => Valid with { EquipmentInvestmentYuan = Valid.TotalInvestmentYuan + 1 },
            "planned_completion_date" => Valid with { PlannedCompletionDate = new DateOnly(2023, 2, 28) },
            "cluster" => Valid with { Cluster = "clusters/" },
            "display_name" => Valid with { DisplayName = "  " },
            "source" => Valid with { Source = (ProjectSource)5 },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var violation = Assert.Single(ProjectRules.Check(draft));

        Assert.Equal("project." + field, violation.Field);
    }

    [Fact]
    public void Check_ManyBadFields_ReportsThemAllAtOnce()
    {
        var violations = ProjectRules.Check(new ProjectDraft(), prefix: "");

        Assert.Equal(
            ["county_code", "display_name", "enterprise_display_name", "enterprise_uscc", "gbt4754_class", "industry", "nature", "project_code", "total_investment_yuan"],
            violations.Select(v => v.Field).Order());
    }

    [Fact]
    public void Check_EquipmentEqualToTotal_IsAllowed() =>
        Assert.Empty(ProjectRules.Check(Valid with { EquipmentInvestmentYuan = Valid.TotalInvestmentYuan }));

    [Fact]
    public void Check_CrossCuttingIndustry_AcceptsAnyManufacturingClass() =>
        Assert.Empty(ProjectRules.Check(Valid with { Industry = "NEWMAT", Gbt4754Class = "C3011" }));
}
