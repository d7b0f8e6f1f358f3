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
        .Number("target_investment_growth_percent", d => d.TargetInvestmentGrowthPercent, -100, 1000, "must be a percentage from -100 to 1000.", (d, v) => d with { TargetInvestmentGrowthPercent = v });

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

    public override PlanDraft ToDraft() => new(TargetKeyProjectsUnderImplementation, CityTargets, TargetInvestmentGrowthPercent);

    public override IReadOnlyList<string> Revise(PlanDraft draft, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(TargetKeyProjectsUnderImplementation, draft.TargetKeyProjectsUnderImplementation, v => TargetKeyProjectsUnderImplementation = v, "target_key_projects_under_implementation")
        .SetList(ByCity(CityTargets, t => t.CityCode), ByCity(draft.CityTargets, t => t.CityCode), v => CityTargets = v, "city_targets")
        .Set(TargetInvestmentGrowthPercent, draft.TargetInvestmentGrowthPercent, v => TargetInvestmentGrowthPercent = v, "target_investment_growth_percent"));
}

/// <summary>The plan's values, as an update gives them and the plan stores them; null is unset.</summary>
public sealed record PlanDraft(int? TargetKeyProjectsUnderImplementation, IReadOnlyList<PlanCityTarget> CityTargets, double? TargetInvestmentGrowthPercent);

/// <summary>One city's share of the plan.</summary>
public sealed record PlanCityTarget(string CityCode, int TargetKeyProjectsUnderImplementation);
