namespace Industry.Projects.Domain;

/// <summary>
/// 年度计划: the province's plan for key technology-renovation projects in one year: how many key projects
/// (¥100M+) should be under implementation, in total and per city, and the target growth of renovation investment.
/// </summary>
public sealed class Plan : YearlyTargets<PlanDraft>
{
    public const string Collection = "plans";

    public static readonly TargetFields<PlanDraft> Fields = new TargetFields<PlanDraft>(Collection)
        .Count("target_key_projects_under_implementation", d => d.TargetKeyProjectsUnderImplementation, (d, v) => d with { TargetKeyProjectsUnderImplementation = v })
        .Cities("city_targets", d => d.CityTargets, (d, v) => d with { CityTargets = v }, c => c.CityCode, new TargetFields<PlanCityTarget>()
            .Count("target_key_projects_under_implementation", c => c.TargetKeyProjectsUnderImplementation))
        .Number("target_investment_growth_percent", d => d.TargetInvestmentGrowthPercent, -100, 1000, "must be a percentage from -100 to 1000.", (d, v) => d with { TargetInvestmentGrowthPercent = v })
        .Number("reporting_deadline_day", d => d.ReportingDeadlineDay, 1, 28, "must be a day of the month from 1 to 28.", (d, v) => d with { ReportingDeadlineDay = v })
        .Number("schedule_lag_tolerance_points", d => d.ScheduleLagTolerancePoints, 0, 100, "must be from 0 to 100 percentage points.", (d, v) => d with { ScheduleLagTolerancePoints = v });

    /// <summary>The reporting deadline's day of the following month when the plan sets none.</summary>
    public const int DefaultReportingDeadlineDay = 5;

    /// <summary>The schedule-lag tolerance in percentage points when the plan sets none.</summary>
    public const double DefaultScheduleLagTolerancePoints = 10;

    private Plan()
    {
    }

    public Plan(int year)
        : base(year)
    {
    }

    public override string Name => Collection + "/" + Year;

    /// <summary>实施亿元以上重点技改项目: key projects under implementation in the year (null: no target set).</summary>
    public int? TargetKeyProjectsUnderImplementation { get; private set; }

    public List<PlanCityTarget> CityTargets { get; private set; } = [];

    public double? TargetInvestmentGrowthPercent { get; private set; }

    /// <summary>报送截止日: the day of the following month by which a month is to be reported (null: <see cref="DefaultReportingDeadlineDay"/>).</summary>
    public int? ReportingDeadlineDay { get; private set; }

    /// <summary>序时进度容差: percentage points a project may lag its time schedule (null: <see cref="DefaultScheduleLagTolerancePoints"/>).</summary>
    public double? ScheduleLagTolerancePoints { get; private set; }

    public int EffectiveReportingDeadlineDay => ReportingDeadlineDay ?? DefaultReportingDeadlineDay;

    public double EffectiveScheduleLagTolerancePoints => ScheduleLagTolerancePoints ?? DefaultScheduleLagTolerancePoints;

    public override PlanDraft ToDraft() => new(TargetKeyProjectsUnderImplementation, CityTargets, TargetInvestmentGrowthPercent, ReportingDeadlineDay, ScheduleLagTolerancePoints);

    public override IReadOnlyList<string> Revise(PlanDraft draft, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(TargetKeyProjectsUnderImplementation, draft.TargetKeyProjectsUnderImplementation, v => TargetKeyProjectsUnderImplementation = v, "target_key_projects_under_implementation")
        .SetList(ByCity(CityTargets, t => t.CityCode), ByCity(draft.CityTargets, t => t.CityCode), v => CityTargets = v, "city_targets")
        .Set(TargetInvestmentGrowthPercent, draft.TargetInvestmentGrowthPercent, v => TargetInvestmentGrowthPercent = v, "target_investment_growth_percent")
        .Set(ReportingDeadlineDay, draft.ReportingDeadlineDay, v => ReportingDeadlineDay = v, "reporting_deadline_day")
        .Set(ScheduleLagTolerancePoints, draft.ScheduleLagTolerancePoints, v => ScheduleLagTolerancePoints = v, "schedule_lag_tolerance_points"));
}

/// <summary>The plan's values, as an update gives them and the plan stores them; null is unset.</summary>
public sealed record PlanDraft(
    int? TargetKeyProjectsUnderImplementation,
    IReadOnlyList<PlanCityTarget> CityTargets,
    double? TargetInvestmentGrowthPercent,
    int? ReportingDeadlineDay = null,
    double? ScheduleLagTolerancePoints = null);

/// <summary>One city's share of the plan.</summary>
public sealed record PlanCityTarget(string CityCode, int TargetKeyProjectsUnderImplementation);
