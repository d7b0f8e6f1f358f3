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
    }

    public int Year { get; private set; }

    /// <summary>实施亿元以上重点技改项目: key projects under implementation in the year (null: no target set).</summary>
    public int? TargetKeyProjectsUnderImplementation { get; private set; }

    public List<PlanCityTarget> CityTargets { get; private set; } = [];

    public double? TargetInvestmentGrowthPercent { get; private set; }

    /// <summary>Incremented on every write: the etag, the event's subject version and the concurrency token.</summary>
    public long Version { get; private set; }

    public DateTime CreateTime { get; private set; }

    public DateTime UpdateTime { get; private set; }

    public string UpdateActor { get; private set; } = string.Empty;

    /// <summary>Sets the targets (already validated) and returns which of them changed; nothing changes, nothing is written.</summary>
    public IReadOnlyList<PlanField> Set(int? total, IReadOnlyList<PlanCityTarget> cities, double? growth, DateTime now, string actor)
    {
        var changed = new List<PlanField>();
        var orderedCities = cities.OrderBy(c => c.CityCode, StringComparer.Ordinal).ToList();
        if (total != TargetKeyProjectsUnderImplementation)
        {
            TargetKeyProjectsUnderImplementation = total;
            changed.Add(PlanField.TargetKeyProjectsUnderImplementation);
        }

        if (!orderedCities.SequenceEqual(CityTargets.OrderBy(c => c.CityCode, StringComparer.Ordinal)))
        {
            CityTargets = orderedCities;
            changed.Add(PlanField.CityTargets);
        }

        if (growth != TargetInvestmentGrowthPercent)
        {
            TargetInvestmentGrowthPercent = growth;
            changed.Add(PlanField.TargetInvestmentGrowthPercent);
        }

        if (changed.Count > 0 || Version == 0)
        {
            Version++;
            UpdateTime = now;
            UpdateActor = actor;
        }

        return changed;
    }
}

/// <summary>One city's share of the plan.</summary>
public sealed record PlanCityTarget(string CityCode, int TargetKeyProjectsUnderImplementation);

/// <summary>The plan's writable fields.</summary>
public enum PlanField
{
    TargetKeyProjectsUnderImplementation,
    CityTargets,
    TargetInvestmentGrowthPercent,
}
