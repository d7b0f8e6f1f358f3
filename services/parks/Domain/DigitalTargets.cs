namespace Industry.Parks.Domain;

/// <summary>
/// 数字化转型年度目标: the digital-transformation programme's targets for one year (parks to certify, enterprises to
/// transform, digital workshops + smart factories + digital leaders), in total and per city. Unset is null.
/// </summary>
public sealed class DigitalTargets : YearlyTargets<DigitalTargetsDraft>
{
    public const string Collection = "digitalTargets";

    /// <summary>A target larger than any the province could set (it has ~22,000 above-size enterprises); a bound against typing errors.</summary>
    public const int MaxTarget = 1_000_000;

    public static readonly TargetFields<DigitalTargetsDraft> Fields = new TargetFields<DigitalTargetsDraft>(Collection)
        .Count("parks_certified", d => d.ParksCertified, (d, v) => d with { ParksCertified = v }, MaxTarget)
        .Count("enterprises_transformed", d => d.EnterprisesTransformed, (d, v) => d with { EnterprisesTransformed = v }, MaxTarget)
        .Count("workshops_factories_leaders", d => d.WorkshopsFactoriesLeaders, (d, v) => d with { WorkshopsFactoriesLeaders = v }, MaxTarget)
        .Cities("city_targets", d => d.CityTargets, (d, v) => d with { CityTargets = v }, c => c.CityCode, new TargetFields<DigitalCityTarget>()
            .Count("parks_certified", c => c.ParksCertified, max: MaxTarget)
            .Count("enterprises_transformed", c => c.EnterprisesTransformed, max: MaxTarget)
            .Count("workshops_factories_leaders", c => c.WorkshopsFactoriesLeaders, max: MaxTarget));

    public DigitalTargets(int year)
        : base(year)
    {
    }

    public override string Name => Collection + "/" + Year;

    public int? ParksCertified { get; private set; }

    public int? EnterprisesTransformed { get; private set; }

    public int? WorkshopsFactoriesLeaders { get; private set; }

    public List<DigitalCityTarget> CityTargets { get; private set; } = [];

    public override DigitalTargetsDraft ToDraft() => new(ParksCertified, EnterprisesTransformed, WorkshopsFactoriesLeaders, CityTargets);

    public override IReadOnlyList<string> Revise(DigitalTargetsDraft draft, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(ParksCertified, draft.ParksCertified, v => ParksCertified = v, "parks_certified")
        .Set(EnterprisesTransformed, draft.EnterprisesTransformed, v => EnterprisesTransformed = v, "enterprises_transformed")
        .Set(WorkshopsFactoriesLeaders, draft.WorkshopsFactoriesLeaders, v => WorkshopsFactoriesLeaders = v, "workshops_factories_leaders")
        .SetList(ByCity(CityTargets, t => t.CityCode), ByCity(draft.CityTargets, t => t.CityCode), v => CityTargets = v, "city_targets"));
}

/// <summary>The targets' values, as an update gives them and the targets store them; null is unset.</summary>
public sealed record DigitalTargetsDraft(int? ParksCertified, int? EnterprisesTransformed, int? WorkshopsFactoriesLeaders, IReadOnlyList<DigitalCityTarget> CityTargets);

/// <summary>One city's share of the year's targets.</summary>
public sealed record DigitalCityTarget(string CityCode, int? ParksCertified, int? EnterprisesTransformed, int? WorkshopsFactoriesLeaders);
