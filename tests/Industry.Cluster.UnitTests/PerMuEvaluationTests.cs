using Industry.Clusters.Domain;
using static Industry.Cluster.UnitTests.EnterpriseData;

namespace Industry.Cluster.UnitTests;

/// <summary>亩均效益评价: the figures' rules, the per-mu figures computed from them, and what a revision changes.</summary>
public sealed class PerMuEvaluationTests
{
    private static readonly PerMuFigures Valid = new() { Grade = PerMuGrade.B, LandAreaMu = 120.5m, TaxYuan = 6_000_000, RevenueYuan = 301_250_000 };

    [Fact]
    public void Check_ValidFigures_HaveNoViolations() => Assert.Empty(PerMuRules.Check(Valid));

    [Theory]
    [InlineData("grade")]
    [InlineData("land_area_mu")]
    [InlineData("tax_yuan")]
    [InlineData("revenue_yuan")]
    public void Check_OneBadField_ReportsExactlyThatField(string field)
    {
        var figures = field switch
        {
            "grade" => Valid with { Grade = null },
            "land_area_mu" => Valid with { LandAreaMu = 0 },
            "tax_yuan" => Valid with { TaxYuan = -1 },
            "revenue_yuan" => Valid with { RevenueYuan = PerMuRules.MaxYuan + 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.Equal("per_mu_evaluation." + field, Assert.Single(PerMuRules.Check(figures)).Field);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(-3)]
    [InlineData(1_000_000.01)]
    public void Check_LandAreaNotAPositiveAmountOfHundredthsUpToTheMaximum_IsRefused(double area) =>
        Assert.Equal("per_mu_evaluation.land_area_mu", Assert.Single(PerMuRules.Check(Valid with { LandAreaMu = (decimal)area })).Field);

    [Fact]
    public void Check_GradeOutsideAToD_IsRefused() =>
        Assert.Equal("per_mu_evaluation.grade", Assert.Single(PerMuRules.Check(Valid with { Grade = (PerMuGrade)5 })).Field);

    [Theory]
    [InlineData(6_000_000, 120.5, 4.98)] // 600 万元 / 120.5 亩 = 4.979…
    [InlineData(301_250_000, 120.5, 250.0)]
    [InlineData(50_000, 2, 2.5)]
    [InlineData(0, 10, 0)]
    [InlineData(50, 1, 0.01)] // 0.005, a midpoint: away from zero
    public void PerMu_IsTenThousandYuanPerMuToTwoDecimals(long yuan, double area, double expected) =>
        Assert.Equal((decimal)expected, PerMuRules.PerMu(yuan, (decimal)area));

    [Fact]
    public void Create_TakesTheEnterprisesCityAndComputesThePerMuFigures()
    {
        var evaluation = PerMuEvaluation.Create(NewEnterprise(), 2023, Valid, ClusterData.Now, "alice");

        Assert.Equal(($"enterprises/{ClusterData.Uscc(1)}/perMuEvaluations/2023", "340100", 1L), (evaluation.Name, evaluation.CityCode, evaluation.Version));
        Assert.Equal((4.98m, 250.00m), (evaluation.TaxPerMu, evaluation.RevenuePerMu));
    }

    [Fact]
    public void Revise_ChangedFields_AreReportedAndAnUnchangedDraftWritesNothing()
    {
        var evaluation = PerMuEvaluation.Create(NewEnterprise(), 2023, Valid, ClusterData.Now, "alice");

        Assert.Empty(evaluation.Revise(Valid, ClusterData.Now, "bob"));
        Assert.Equal(["grade", "tax_yuan"], evaluation.Revise(Valid with { Grade = PerMuGrade.A, TaxYuan = 7_000_000 }, ClusterData.Now, "bob"));
        Assert.Equal((2L, "bob", 5.81m), (evaluation.Version, evaluation.UpdateActor, evaluation.TaxPerMu));
    }

    [Theory]
    [InlineData("enterprises/91340100MA2N0XXXXX/perMuEvaluations/2023", true)]
    [InlineData("enterprises/91340100MA2N0XXXXX/perMuEvaluations/20x3", false)]
    [InlineData("enterprises/91340100MA2N0XXXXX/perMuEvaluations/-1", false)]
    [InlineData("enterprises/91340100MA2N0XXXXX/revenueReports/2023", false)]
    public void ParseName_OnlyAYearUnderAnEnterprise(string name, bool valid)
    {
        if (valid)
        {
            Assert.Equal(("91340100MA2N0XXXXX", 2023), PerMuEvaluation.ParseName(name));
        }
        else
        {
            Assert.Throws<Industry.ServiceDefaults.Errors.ServiceException>(() => PerMuEvaluation.ParseName(name));
        }
    }
}
