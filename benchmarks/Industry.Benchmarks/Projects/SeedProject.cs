namespace Industry.Benchmarks.Projects;

/// <summary>
/// One generated project, in the form the projects table stores it. Months are indexes (year × 12 + month − 1); the
/// monthly reports are not kept here but derived again from the project (<see cref="SeedCatalog.Reports"/>).
/// </summary>
internal sealed class SeedProject
{
    public required int Serial { get; init; }

    public required string Code { get; init; }

    public string Id => "p-" + Code;

    public required string DisplayName { get; init; }

    public required string EnterpriseUscc { get; init; }

    public required string EnterpriseDisplayName { get; init; }

    public required string CountyCode { get; init; }

    public required string CityCode { get; init; }

    public required string Industry { get; init; }

    public required string Gbt4754Class { get; init; }

    /// <summary>ProjectNature: 1 new build, 2 expansion, 3 renovation, 4 relocation.</summary>
    public required int Nature { get; init; }

    public required long TotalInvestmentYuan { get; init; }

    public required long EquipmentInvestmentYuan { get; init; }

    /// <summary>ProjectTier: 1 major (¥1bn+), 2 key (¥100M+), 3 guidance.</summary>
    public int Tier => TotalInvestmentYuan >= 1_000_000_000 ? 1 : TotalInvestmentYuan >= 100_000_000 ? 2 : 3;

    public required DateOnly PlannedStartDate { get; init; }

    public required DateOnly PlannedCompletionDate { get; init; }

    public DateOnly? ActualStartDate { get; init; }

    public DateOnly? ActualCompletionDate { get; init; }

    public DateOnly? ActualProductionDate { get; init; }

    public required string Cluster { get; init; }

    public required string Park { get; init; }

    public required bool DigitalTransformation { get; init; }

    public required string Description { get; init; }

    /// <summary>ProjectState: 1 reserve, 2 under construction, 3 completed, 4 in production, 5 suspended, 6 cancelled.</summary>
    public required int State { get; init; }

    public required DateOnly StateDate { get; init; }

    public required DateTime CreateTime { get; init; }

    /// <summary>The first month reported; reports run monthly from it through <see cref="LastReportMonth"/>.</summary>
    public int FirstReportMonth { get; set; }

    /// <summary>The last month reported; below <see cref="FirstReportMonth"/> when the project has no report.</summary>
    public int LastReportMonth { get; set; } = -1;

    public int ReportCount => Math.Max(0, LastReportMonth - FirstReportMonth + 1);

    public long CumulativeCompletedInvestmentYuan { get; set; }
}
