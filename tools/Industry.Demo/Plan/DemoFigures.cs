using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Demo.Plan;

/// <summary>
/// What the progress methods must answer for a year once the plan is loaded, counted from the plan by the definitions of
/// docs/progress-figures.md. For 2023 at full scale these are the report's figures; the unit tests check that, and the end-to-end
/// test checks the API against these.
/// </summary>
public sealed record DemoFigures(
    int Year,
    int ProvincialSmeClusters,
    int NationalSmeClusters,
    int AdvancedManufacturingClusters,
    IReadOnlyDictionary<QualificationType, int> NewQualifications,
    int NewAboveSizeEnterprises,
    int AboveSizeEnterprisesTotal,
    int KeyProjectsUnderImplementation,
    int KeyProjectsNewlyStarted,
    long CompletedInvestmentYuan,
    long PreviousYearCompletedInvestmentYuan,
    double? InvestmentGrowthPercent,
    int ParksCertified,
    int CertifiedParksTotal,
    int EnterprisesTransformed,
    int DigitalWorkshops,
    int SmartFactories,
    int DigitalLeaders)
{
    public int WorkshopsFactoriesLeaders => DigitalWorkshops + SmartFactories + DigitalLeaders;

    /// <summary>The figures of <paramref name="year"/>, investment counted January through <paramref name="throughMonth"/>.</summary>
    public static DemoFigures Of(DemoPlan plan, int year, int throughMonth = 12)
    {
        int Recognitions(ClusterKind kind, ClusterLevel level) =>
            plan.Clusters.Where(c => c.Kind == kind).Sum(c => c.Recognitions.Count(r => r.Level == level && r.Year == year));
        long Invested(int y) => plan.Projects.Sum(p => p.Reports.Where(r => r.Year == y && r.Month <= throughMonth).Sum(r => r.Yuan));

        // Milestones dated in the year: the reported ones, and a completed digital project's in its park.
        var milestones = plan.Transformations
            .SelectMany(t => t.Steps.Where(s => s.Year == year).Select(s => (t.Uscc, s.Level)))
            .Concat(plan.Projects
                .Where(p => p.DigitalTransformation && p.ParkId is not null && p.ActualCompletion?.Year == year)
                .Select(p => (Uscc: p.EnterpriseUscc, Level: TransformationLevel.DigitallyTransformed)))
            .ToList();
        var current = Invested(year);
        var previous = Invested(year - 1);
        return new DemoFigures(
            year,
            Recognitions(ClusterKind.SmeCharacteristic, ClusterLevel.Provincial),
            Recognitions(ClusterKind.SmeCharacteristic, ClusterLevel.National),
            plan.Clusters.Count(c => c.Kind == ClusterKind.AdvancedManufacturing && c.Recognitions.Any(r => r.Year == year)),
            Enum.GetValues<QualificationType>().Where(t => t != QualificationType.Unspecified)
                .ToDictionary(t => t, t => plan.Qualifications.Count(q => q.Type == t && q.Year == year)),
            plan.Enterprises.Count(e => e.AboveSizeYear == year),
            plan.Enterprises.Count(e => e.AboveSizeYear > 0 && e.AboveSizeYear <= year && (e.AboveSizeExitYear > year || (e.AboveSizeExitYear == 0 && e.AboveSize))),
            CountKeyProjectsUnderImplementation(plan.Projects, year),
            plan.Projects.Count(p => p.IsKey && p.ActualStart?.Year == year),
            current,
            previous,
            YearOnYear.GrowthPercent(current, previous),
            plan.Parks.Count(p => p.CertificationYear == year),
            plan.Parks.Count(p => p.Outcome == ParkOutcome.Certified && p.CertificationYear <= year),
            milestones.Select(m => m.Uscc).Distinct(StringComparer.Ordinal).Count(),
            milestones.Count(m => m.Level == TransformationLevel.DigitalWorkshop),
            milestones.Count(m => m.Level == TransformationLevel.SmartFactory),
            milestones.Count(m => m.Level == TransformationLevel.DigitalLeader));
    }

    /// <summary>
    /// 实施: key projects whose construction overlaps the year (actual start by 31 December, not completed before
    /// 1 January), whatever month the investment is counted through, as the projects service counts them.
    /// </summary>
    public static int CountKeyProjectsUnderImplementation(IEnumerable<DemoProject> projects, int year)
    {
        var end = new DateOnly(year, 12, 31);
        var first = new DateOnly(year, 1, 1);
        return projects.Count(p => p.IsKey && p.ActualStart is { } start && start <= end && (p.ActualCompletion is not { } done || done >= first));
    }
}
