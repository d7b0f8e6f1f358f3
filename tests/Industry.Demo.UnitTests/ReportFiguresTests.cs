using Industry.Clusters.V1;
using Industry.Demo.Plan;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.UnitTests;

/// <summary>The plan, counted by the progress definitions (docs/progress-figures.md), gives the report's figures: exactly at full scale, a tenth of the many at tenth.</summary>
public sealed class ReportFiguresTests
{
    [Fact]
    public void Figures2023_AtFullScale_AreTheReports()
    {
        var f = DemoFigures.Of(Plans.Full, 2023, throughMonth: 10);

        Assert.Equal(ReportFigures.Get("P2").Value, (decimal)f.InvestmentGrowthPercent!.Value);
        Assert.Equal(ReportFigures.Count("C1"), f.ProvincialSmeClusters);
        Assert.Equal(ReportFigures.Count("C2"), f.NationalSmeClusters);
        Assert.Equal(ReportFigures.Count("C5"), f.AboveSizeEnterprisesTotal);
        Assert.Equal(ReportFigures.Count("C6"), f.NewAboveSizeEnterprises);
        Assert.Equal(ReportFigures.Count("C7"), f.NewQualifications[QualificationType.SpecializedSme]);
        Assert.Equal(ReportFigures.Count("C8"), f.NewQualifications[QualificationType.LittleGiant]);
        Assert.Equal(ReportFigures.Count("C9"), f.NewQualifications[QualificationType.InnovativeSme]);
        Assert.Equal(ReportFigures.Count("D1"), f.ParksCertified);
        Assert.Equal(ReportFigures.Count("D3"), f.EnterprisesTransformed);
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void Figures2023_AreTheReportsAtTheScale(string scale)
    {
        var plan = Plans.Of(scale);
        var f = DemoFigures.Of(plan, 2023, throughMonth: 10);
        int Scaled(string id) => plan.Scale.Of(ReportFigures.Count(id));

        Assert.Equal(27.7, f.InvestmentGrowthPercent);
        Assert.Equal((ReportFigures.Count("C1"), ReportFigures.Count("C2"), ReportFigures.Count("D1")), (f.ProvincialSmeClusters, f.NationalSmeClusters, f.ParksCertified));
        Assert.Equal(
            (Scaled("C5"), Scaled("C6"), Scaled("C7"), Scaled("C8"), Scaled("C9"), Scaled("D3")),
            (f.AboveSizeEnterprisesTotal, f.NewAboveSizeEnterprises, f.NewQualifications[QualificationType.SpecializedSme],
                f.NewQualifications[QualificationType.LittleGiant], f.NewQualifications[QualificationType.InnovativeSme], f.EnterprisesTransformed));
    }

    [Fact]
    public void Targets2024_AreTheReports()
    {
        var t = Plans.Full.Targets;

        Assert.Equal(2024, t.Year);
        Assert.Equal(ReportFigures.Count("P1"), t.KeyProjects);
        Assert.Equal(ReportFigures.Count("P1"), t.CityKeyProjects.Sum(c => c.KeyProjects));
        Assert.Equal(16, t.CityKeyProjects.Select(c => c.CityCode).Distinct().Count());
        Assert.Equal(
            (ReportFigures.Count("C3"), ReportFigures.Count("C4"), ReportFigures.Count("C10"), ReportFigures.Count("C11"), ReportFigures.Count("C12")),
            (t.AdvancedManufacturingClusters, t.ProvincialSmeClusters, t.InnovativeSmes, t.SpecializedSmes, t.NewAboveSizeEnterprises));
        Assert.Equal((ReportFigures.Count("D2"), ReportFigures.Count("D4"), ReportFigures.Count("D5")), (t.ParksCertified, t.EnterprisesTransformed, t.WorkshopsFactoriesLeaders));
        Assert.Equal((t.ParksCertified, t.EnterprisesTransformed, t.WorkshopsFactoriesLeaders), (t.CityDigital.Sum(c => c.Parks), t.CityDigital.Sum(c => c.Enterprises), t.CityDigital.Sum(c => c.Leaders)));
    }

    [Fact]
    public void SpeechValleyRevenue2023_IsTheReports()
    {
        var report = Assert.Single(Plans.Full.RevenueReports, r => r.ClusterId == DemoPlanBuilder.SpeechValleyId && r.Period == "2023-12");

        Assert.Equal(ReportFigures.Get("C13").Value * 100_000_000, report.RevenueYuan);
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void EveryYear_HasAtLeastTheKeyProjectsOfP1UnderImplementation(string scale)
    {
        var plan = Plans.Of(scale);
        for (var year = 2022; year <= 2024; year++)
        {
            Assert.InRange(DemoFigures.Of(plan, year).KeyProjectsUnderImplementation, plan.Scale.Of(ReportFigures.Count("P1")), int.MaxValue);
        }
    }

    [Fact]
    public void Actuals2024_AreNearTheTargets()
    {
        var f = DemoFigures.Of(Plans.Full, 2024);
        var t = Plans.Full.Targets;

        Assert.All(
            new (int Actual, int Target)[]
            {
                (f.NewAboveSizeEnterprises, t.NewAboveSizeEnterprises), (f.NewQualifications[QualificationType.InnovativeSme], t.InnovativeSmes),
                (f.NewQualifications[QualificationType.SpecializedSme], t.SpecializedSmes), (f.ProvincialSmeClusters, t.ProvincialSmeClusters),
                (f.AdvancedManufacturingClusters, t.AdvancedManufacturingClusters), (f.ParksCertified, t.ParksCertified),
                (f.EnterprisesTransformed, t.EnterprisesTransformed), (f.WorkshopsFactoriesLeaders, t.WorkshopsFactoriesLeaders),
                (f.KeyProjectsUnderImplementation, t.KeyProjects),
            },
            x => Assert.InRange(x.Actual, x.Target, x.Target * 1.2));
    }
}
