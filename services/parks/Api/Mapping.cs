namespace Industry.Parks.Api;

/// <summary>Domain types to and from the wire, in one place (proto types stop at Api/).</summary>
internal static class Mapping
{
    public static V1.DigitalTargets ToProto(this Domain.DigitalTargets targets)
    {
        var proto = new V1.DigitalTargets
        {
            Name = targets.Name,
            Year = targets.Year,
            CityTargets = { targets.CityTargets.OrderBy(c => c.CityCode, StringComparer.Ordinal).Select(ToProto) },
            Etag = Etag.Of(targets.Version),
            CreateTime = WireTime.ToTimestamp(targets.CreateTime),
            UpdateTime = WireTime.ToTimestamp(targets.UpdateTime),
            UpdateActor = targets.UpdateActor,
        };
        if (targets.ParksCertified is { } parks)
        {
            proto.ParksCertified = parks;
        }

        if (targets.EnterprisesTransformed is { } enterprises)
        {
            proto.EnterprisesTransformed = enterprises;
        }

        if (targets.WorkshopsFactoriesLeaders is { } leaders)
        {
            proto.WorkshopsFactoriesLeaders = leaders;
        }

        return proto;
    }

    /// <summary>The targets a request gives; one it leaves out is null.</summary>
    public static Domain.DigitalTargetsDraft ToDraft(this V1.DigitalTargets targets) => new(
        targets.HasParksCertified ? targets.ParksCertified : null,
        targets.HasEnterprisesTransformed ? targets.EnterprisesTransformed : null,
        targets.HasWorkshopsFactoriesLeaders ? targets.WorkshopsFactoriesLeaders : null,
        [.. targets.CityTargets.Select(c => new Domain.DigitalCityTarget(
            c.CityCode,
            c.HasParksCertified ? c.ParksCertified : null,
            c.HasEnterprisesTransformed ? c.EnterprisesTransformed : null,
            c.HasWorkshopsFactoriesLeaders ? c.WorkshopsFactoriesLeaders : null))]);

    private static V1.DigitalCityTarget ToProto(Domain.DigitalCityTarget city)
    {
        var proto = new V1.DigitalCityTarget { CityCode = city.CityCode };
        if (city.ParksCertified is { } parks)
        {
            proto.ParksCertified = parks;
        }

        if (city.EnterprisesTransformed is { } enterprises)
        {
            proto.EnterprisesTransformed = enterprises;
        }

        if (city.WorkshopsFactoriesLeaders is { } leaders)
        {
            proto.WorkshopsFactoriesLeaders = leaders;
        }

        return proto;
    }
}
