namespace Industry.Parks.Domain;

/// <summary>
/// 数字化转型年度目标: the digital-transformation programme's targets for one year (parks to certify, enterprises to
/// transform, digital workshops + smart factories + digital leaders), in total and per city. Unset is null.
/// </summary>
public sealed class DigitalTargets
{
    /// <summary>Created in this unit of work: its first version already counts the targets being set.</summary>
    private readonly bool _created;

    private DigitalTargets()
    {
    }

    public DigitalTargets(int year, DateTime now, string actor)
    {
        Year = year;
        CreateTime = now;
        UpdateTime = now;
        UpdateActor = actor;
        Version = 1;
        _created = true;
    }

    public int Year { get; private set; }

    public int? ParksCertified { get; set; }

    public int? EnterprisesTransformed { get; set; }

    public int? WorkshopsFactoriesLeaders { get; set; }

    public List<DigitalCityTarget> CityTargets { get; private set; } = [];

    public long Version { get; private set; }

    public DateTime CreateTime { get; private set; }

    public DateTime UpdateTime { get; private set; }

    public string UpdateActor { get; private set; } = string.Empty;

    /// <summary>
    /// Sets the targets (already validated) and returns the proto names of those that changed; when nothing changes,
    /// nothing is written (except for new targets, which are written once).
    /// </summary>
    public IReadOnlyList<string> Set(int? parks, int? enterprises, int? leaders, IReadOnlyList<DigitalCityTarget> cities, DateTime now, string actor)
    {
        var changed = new List<string>();
        if (parks != ParksCertified)
        {
            ParksCertified = parks;
            changed.Add("parks_certified");
        }

        if (enterprises != EnterprisesTransformed)
        {
            EnterprisesTransformed = enterprises;
            changed.Add("enterprises_transformed");
        }

        if (leaders != WorkshopsFactoriesLeaders)
        {
            WorkshopsFactoriesLeaders = leaders;
            changed.Add("workshops_factories_leaders");
        }

        var ordered = cities.OrderBy(c => c.CityCode, StringComparer.Ordinal).ToList();
        if (!ordered.SequenceEqual(CityTargets.OrderBy(c => c.CityCode, StringComparer.Ordinal)))
        {
            CityTargets = ordered; // a new list, so that the change tracker replaces the owned rows
            changed.Add("city_targets");
        }

        if (changed.Count > 0 && !_created)
        {
            Version++;
            UpdateTime = now;
            UpdateActor = actor;
        }

        return changed;
    }
}

/// <summary>One city's share of the year's targets.</summary>
public sealed record DigitalCityTarget(string CityCode, int? ParksCertified, int? EnterprisesTransformed, int? WorkshopsFactoriesLeaders);
