using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Projects.UnitTests;

public sealed class ProjectImportScreenTests
{
    private static readonly ProjectDraft Valid = new()
    {
        DisplayName = "智能工厂改造项目",
        ProjectCode = "2024-340104-38-03-000123",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 300_000_000,
        EquipmentInvestmentYuan = 100_000_000,
    };

    [Fact]
    public void Screen_ValidRow_Passes() => Assert.Null(new ProjectImportScreen().Screen(1, Valid, []));

    [Fact]
    public void Screen_InvalidRow_HasTheViolationsOfProjectRulesWithTheRowAndCode()
    {
        var draft = Valid with { CountyCode = "340100", EquipmentInvestmentYuan = Valid.TotalInvestmentYuan + 1 };

        var failure = new ProjectImportScreen().Screen(7, draft, [])!;

        Assert.Equal((7, Valid.ProjectCode, ErrorKind.InvalidArgument), (failure.RowNumber, failure.ProjectCode, failure.Kind));
        Assert.Equal(ProjectRules.Check(draft), failure.FieldViolations);
    }

    [Fact]
    public void Screen_SameCodeAgain_FailsTheLaterRowNamingTheFirst()
    {
        var screen = new ProjectImportScreen();
        Assert.Null(screen.Screen(3, Valid, []));

        var failure = screen.Screen(9, Valid with { DisplayName = "另一行" }, [])!;

        var violation = Assert.Single(failure.FieldViolations);
        Assert.Equal("project.project_code", violation.Field);
        Assert.Contains("row 3", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_NoProjectAndNoRowNumber_ReportsBoth()
    {
        var failure = new ProjectImportScreen().Screen(0, null, [])!;

        Assert.Equal(["row_number", "project"], failure.FieldViolations.Select(v => v.Field));
        Assert.Equal(string.Empty, failure.ProjectCode);
    }

    [Fact]
    public void Screen_MappingViolations_AreKeptBesideTheRules()
    {
        var failure = new ProjectImportScreen().Screen(2, Valid with { Industry = "STEEL" }, [new FieldViolation("project.planned_start_date", "is not a calendar date.")])!;

        Assert.Equal(["project.planned_start_date", "project.industry"], failure.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void Admit_BeyondTheLimit_IsFalse()
    {
        var screen = new ProjectImportScreen();
        for (var i = 0; i < ProjectImportScreen.MaxRowsPerCall; i++)
        {
            Assert.True(screen.Admit());
        }

        Assert.False(screen.Admit());
        Assert.Equal(ProjectImportScreen.MaxRowsPerCall + 1, screen.RowCount);
    }
}
