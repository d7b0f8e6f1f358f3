namespace Industry.Parks.Domain;

/// <summary>
/// 数字化转型年度目标: the digital-transformation programme's targets for one year (parks to certify, enterprises to
/// transform, digital workshops + smart factories + digital leaders), in total and per city. Unset is null.
/// </summary>
public sealed class DigitalTargets
{
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
}

/// <summary>One city's share of the year's targets.</summary>
public sealed record DigitalCityTarget(string CityCode, int? ParksCertified, int? EnterprisesTransformed, int? WorkshopsFactoriesLeaders);
