namespace Industry.Projects.Domain;

/// <summary>
/// 年度计划: the province's plan for key technology-renovation projects in one year: how many key projects
/// (¥100M+) should be under implementation, in total and per city, and the target growth of renovation investment.
/// </summary>
public sealed class Plan
{
    private Plan()
    {
    }

    public Plan(int year, DateTime now, string actor)
    {
        Year = year;
        CreateTime = now;
        UpdateTime = now;
        UpdateActor = actor;
        Version = 1;
    }

    public int Year { get; private set; }

    /// <summary>实施亿元以上重点技改项目: key projects under implementation in the year (null: no target set).</summary>
    public int? TargetKeyProjectsUnderImplementation { get; set; }

    public List<PlanCityTarget> CityTargets { get; private set; } = [];

    public double? TargetInvestmentGrowthPercent { get; set; }

    public long Version { get; private set; }

    public DateTime CreateTime { get; private set; }

    public DateTime UpdateTime { get; private set; }

    public string UpdateActor { get; private set; } = string.Empty;
}

/// <summary>One city's share of the plan.</summary>
public sealed record PlanCityTarget(string CityCode, int TargetKeyProjectsUnderImplementation);
