using System.Globalization;
using Industry.Clusters.V1;
using Industry.Common.V1;
using Industry.Demo.Plan;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.EndToEndTests;

/// <summary>
/// The report's figures (<c>report-figures.csv</c>, as the services ship it) checked on the three progress messages,
/// whichever call returned them: GetClusterProgress, GetPlanProgress and GetDigitalProgress, or the sections of
/// GetProvinceOverview. Every mismatch is listed in one failure, by figure id. At a smaller scale the counts of the many
/// (enterprises, qualifications, transformations, projects) are the report's times the scale; the rest are as reported.
/// </summary>
public static class DemoFigureAssertions
{
    /// <summary>The figures of 2023: progress of 2023, the projects section counted through October (P2 is January-October).</summary>
    public static void ReportYear(ClusterProgress clusters, PlanProgress projects, DigitalProgress parks, DemoScale scale)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(scale);
        Assert.Equal((2023, 2023, 10, 2023), (clusters.Year, projects.Year, projects.ThroughMonth, parks.Year));
        AssertFigures(scale,
            ("P2", projects.HasInvestmentGrowthPercent ? (decimal)projects.InvestmentGrowthPercent : null),
            ("C1", clusters.ProvincialSmeClusters.Actual),
            ("C2", clusters.NationalSmeClusters.Actual),
            ("C5", clusters.AboveSizeEnterprisesTotal),
            ("C6", clusters.NewAboveSizeEnterprises.Actual),
            ("C7", clusters.SpecializedSmes.Actual),
            ("C8", clusters.LittleGiants.Actual),
            ("C9", clusters.InnovativeSmes.Actual),
            ("D1", parks.ParksCertified.Actual),
            ("D3", parks.EnterprisesTransformed.Actual));

        // The same counts in the detailed rows of the cluster progress.
        Assert.Equal(clusters.ProvincialSmeClusters.Actual, Recognitions(clusters, ClusterKind.SmeCharacteristic, ClusterLevel.Provincial));
        Assert.Equal(clusters.NationalSmeClusters.Actual, Recognitions(clusters, ClusterKind.SmeCharacteristic, ClusterLevel.National));
        Assert.Equal(clusters.SpecializedSmes.Actual, clusters.NewQualifications.Single(q => q.Type == QualificationType.SpecializedSme).Count);
    }

    /// <summary>The 2024 targets of the report on the progress of 2024, and actuals at or above P1.</summary>
    public static void TargetYear(ClusterProgress clusters, PlanProgress projects, DigitalProgress parks, DemoScale scale)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(scale);
        Assert.Equal((2024, 2024, 2024), (clusters.Year, projects.Year, parks.Year));
        AssertFigures(scale,
            ("P1", Target(projects.KeyProjectsUnderImplementation)),
            ("C3", Target(clusters.AdvancedManufacturingClusters)),
            ("C4", Target(clusters.ProvincialSmeClusters)),
            ("C10", Target(clusters.InnovativeSmes)),
            ("C11", Target(clusters.SpecializedSmes)),
            ("C12", Target(clusters.NewAboveSizeEnterprises)),
            ("D2", Target(parks.ParksCertified)),
            ("D4", Target(parks.EnterprisesTransformed)),
            ("D5", Target(parks.WorkshopsFactoriesLeaders)));
        Assert.InRange(projects.KeyProjectsUnderImplementation.Actual, projects.KeyProjectsUnderImplementation.Target, int.MaxValue);
        Assert.Equal(projects.KeyProjectsUnderImplementation.Target, projects.Cities.Sum(c => c.KeyProjectsUnderImplementation.Target));
        Assert.Equal(parks.EnterprisesTransformed.Target, parks.Cities.Sum(c => c.EnterprisesTransformed.Target));
        Assert.Equal(clusters.InnovativeSmes.Target, clusters.Cities.Sum(c => c.InnovativeSmes.Target));
    }

    /// <summary>A year's progress, every figure, against what the plan counts for that year (<see cref="DemoFigures.Of"/>).</summary>
    public static void PlanYear(ClusterProgress clusters, PlanProgress projects, DigitalProgress parks, DemoFigures expected)
    {
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(expected);
        var actual = FromApi(clusters, projects, parks);
        Assert.Equal(expected with { NewQualifications = actual.NewQualifications }, actual);
        Assert.Equal(expected.NewQualifications.OrderBy(q => q.Key), actual.NewQualifications.OrderBy(q => q.Key));
        Assert.Equal(expected.WorkshopsFactoriesLeaders, parks.WorkshopsFactoriesLeaders.Actual);
    }

    /// <summary>The figures of a year as the three progress messages answer them.</summary>
    public static DemoFigures FromApi((ClusterProgress Clusters, PlanProgress Projects, DigitalProgress Parks) progress) =>
        FromApi(progress.Clusters, progress.Projects, progress.Parks);

    /// <summary>The figures of a year as the three progress messages answer them.</summary>
    public static DemoFigures FromApi(ClusterProgress clusters, PlanProgress projects, DigitalProgress parks)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(parks);
        return new DemoFigures(
            clusters.Year,
            clusters.ProvincialSmeClusters.Actual,
            clusters.NationalSmeClusters.Actual,
            clusters.AdvancedManufacturingClusters.Actual,
            clusters.NewQualifications.ToDictionary(q => q.Type, q => q.Count),
            clusters.NewAboveSizeEnterprises.Actual,
            clusters.AboveSizeEnterprisesTotal,
            projects.KeyProjectsUnderImplementation.Actual,
            projects.KeyProjectsNewlyStarted,
            projects.CompletedInvestmentYuan,
            projects.PreviousYearCompletedInvestmentYuan,
            projects.HasInvestmentGrowthPercent ? projects.InvestmentGrowthPercent : null,
            parks.ParksCertified.Actual,
            parks.CertifiedParksTotal,
            parks.EnterprisesTransformed.Actual,
            parks.DigitalWorkshops,
            parks.SmartFactories,
            parks.DigitalLeaders);
    }

    /// <summary>A report figure's value at the scale: the many scale, the few do not.</summary>
    public static decimal Expected(string id, DemoScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var value = ReportFigures.Get(id).Value;
        return id is "C5" or "C6" or "C7" or "C8" or "C9" or "D3" or "P1" or "C10" or "C11" or "C12" or "D4" or "D5"
            ? scale.Of((int)value)
            : value;
    }

    private static void AssertFigures(DemoScale scale, params (string Id, decimal? Actual)[] figures)
    {
        var wrong = figures
            .Where(f => f.Actual != Expected(f.Id, scale))
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Id} ({ReportFigures.Get(f.Id).Metric}): expected {Expected(f.Id, scale)}, the API says {f.Actual?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static decimal? Target(TargetProgress progress) => progress.HasTarget ? progress.Target : null;

    private static int Recognitions(ClusterProgress progress, ClusterKind kind, ClusterLevel level) =>
        progress.Recognitions.Single(r => r.Kind == kind && r.Level == level).Count;
}
