using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.Demo.Plan;

/// <summary>
/// The whole demo data set, in the order the loader sends it: what each service is told, nothing it computes. Built by
/// <see cref="DemoPlanBuilder"/>; <see cref="DemoFigures"/> counts what the API must answer from it.
/// </summary>
public sealed record DemoPlan(
    DemoScale Scale,
    IReadOnlyList<DemoEnterprise> Enterprises,
    IReadOnlyList<DemoQualification> Qualifications,
    IReadOnlyList<DemoPark> Parks,
    IReadOnlyList<DemoCluster> Clusters,
    IReadOnlyList<DemoRevenueReport> RevenueReports,
    IReadOnlyList<DemoTransformation> Transformations,
    IReadOnlyList<DemoProject> Projects,
    DemoTargets Targets,
    DemoDispatchCycle DispatchCycle);

/// <summary>An enterprise (规上 or not) with its park, if it sits in one of the demo's parks, and the year it left the above-size statistics (0 when it has not).</summary>
public sealed record DemoEnterprise(
    string Uscc,
    string DisplayName,
    string CountyCode,
    string Gbt4754Class,
    string Industry,
    bool AboveSize,
    int AboveSizeYear,
    string? ParkId,
    int AboveSizeExitYear = 0);

/// <summary>A qualification granted to an enterprise in a year (GrantQualification).</summary>
public sealed record DemoQualification(string Uscc, QualificationType Type, int Year);

/// <summary>A cluster, its recognitions in order (an upgrade to NATIONAL after a PROVINCIAL one), members and fate.</summary>
public sealed record DemoCluster(
    string Id,
    string DisplayName,
    ClusterKind Kind,
    string Industry,
    string LeadDivisionCode,
    string HostParkDisplayName,
    string? HostParkId,
    IReadOnlyList<string> ChainLeaders,
    string Description,
    IReadOnlyList<DemoRecognition> Recognitions,
    string? RevocationReason,
    IReadOnlyList<DemoMember> Members);

public sealed record DemoRecognition(ClusterLevel Level, int Year);

public sealed record DemoMember(string Uscc, int JoinYear);

/// <summary>A cluster's year-to-date revenue for a period (ReportClusterRevenue).</summary>
public sealed record DemoRevenueReport(string ClusterId, string Period, long RevenueYuan, int EnterpriseCount, string Note);

/// <summary>Where a park's application ends up.</summary>
public enum ParkOutcome
{
    Applied,
    UnderReview,
    Rejected,
    Certified,
    CertifiedThenRevoked,
}

/// <summary>A park's application and, when certified, its year and batch.</summary>
public sealed record DemoPark(
    string Id,
    string DisplayName,
    string CountyCode,
    ParkType Type,
    string LeadIndustry,
    int AboveSizeEnterpriseCount,
    string Description,
    ParkOutcome Outcome,
    int CertificationYear,
    int CertificationBatch);

/// <summary>An enterprise's transformation in a park: each level reached, in order, with its year (RecordTransformation each).</summary>
public sealed record DemoTransformation(string ParkId, string Uscc, string EnterpriseDisplayName, IReadOnlyList<DemoLevelReached> Steps, string Note);

public sealed record DemoLevelReached(TransformationLevel Level, int Year);

/// <summary>
/// A renovation project as its import row, then its life: its transitions in order (none for a reserve project) and its
/// monthly completed investment.
/// </summary>
public sealed record DemoProject(
    string ProjectCode,
    string DisplayName,
    string EnterpriseUscc,
    string EnterpriseDisplayName,
    string CountyCode,
    string Industry,
    string Gbt4754Class,
    ProjectNature Nature,
    long TotalInvestmentYuan,
    long EquipmentInvestmentYuan,
    DateOnly PlannedStart,
    DateOnly PlannedCompletion,
    string? ClusterId,
    string? ParkId,
    bool DigitalTransformation,
    string Description,
    IReadOnlyList<DemoTransition> Transitions,
    IReadOnlyList<DemoInvestment> Reports)
{
    /// <summary>The name ImportProjects gives a new project: <c>projects/p-{project_code}</c>.</summary>
    public string Name => "projects/p-" + ProjectCode;

    /// <summary>亿元以上: tier KEY or MAJOR.</summary>
    public bool IsKey => TotalInvestmentYuan >= DemoPlanBuilder.KeyProjectYuan;

    /// <summary>The first start (RESERVE → UNDER_CONSTRUCTION), which sets the actual start date.</summary>
    public DateOnly? ActualStart => Transitions.FirstOrDefault(t => t.State == ProjectState.UnderConstruction)?.Date;

    public DateOnly? ActualCompletion => Transitions.FirstOrDefault(t => t.State == ProjectState.Completed)?.Date;
}

/// <summary>A TransitionProject call: the state, its date and why.</summary>
public sealed record DemoTransition(ProjectState State, DateOnly Date, string Reason = "");

/// <summary>Completed investment of one month (ReportInvestment).</summary>
public sealed record DemoInvestment(int Year, int Month, long Yuan)
{
    public string Period => $"{Year:D4}-{Month:D2}";
}

/// <summary>The targets set through the API: the 2024 plan, cluster and digital targets of the work report, per city where the model has it.</summary>
public sealed record DemoTargets(
    int Year,
    int KeyProjects,
    IReadOnlyList<(string CityCode, int KeyProjects)> CityKeyProjects,
    int AdvancedManufacturingClusters,
    int ProvincialSmeClusters,
    int InnovativeSmes,
    int SpecializedSmes,
    int NewAboveSizeEnterprises,
    int ParksCertified,
    int EnterprisesTransformed,
    int WorkshopsFactoriesLeaders,
    IReadOnlyList<(string CityCode, int Parks, int Enterprises, int Leaders)> CityDigital,
    IReadOnlyList<DemoCityClusterTargets> CityClusters);

/// <summary>A city's share of the cluster targets (the report sets none per city; the demo splits the province's).</summary>
public sealed record DemoCityClusterTargets(string CityCode, int AdvancedManufacturingClusters, int ProvincialSmeClusters, int InnovativeSmes, int SpecializedSmes, int NewAboveSizeEnterprises);

/// <summary>
/// 月度调度: the year's monthly dispatch cycle as the data set plays it. Some projects miss a month's report and carry
/// its investment into their next month's (so every report figure stays as it was); the months January through
/// <see cref="ClosedThroughMonth"/> are closed by a province admin once their reports are in; the later ones stay open.
/// </summary>
public sealed record DemoDispatchCycle(int Year, int ClosedThroughMonth, IReadOnlyList<DemoMissingReport> MissingReports)
{
    /// <summary>The months the loader closes, in calendar order (<c>YYYY-MM</c>).</summary>
    public IEnumerable<string> ClosedPeriods => Enumerable.Range(1, ClosedThroughMonth).Select(m => new DemoInvestment(Year, m, 0).Period);
}

/// <summary>
/// 未报: a project that sends no report of <see cref="Missed"/>'s month, and reports its investment with the month after
/// (<see cref="CarriedInto"/>), as a county clerk who catches up does.
/// </summary>
public sealed record DemoMissingReport(string ProjectCode, DemoInvestment Missed, DemoInvestment CarriedInto);
