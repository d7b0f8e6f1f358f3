namespace Industry.Parks.Api;

/// <summary>Domain types to and from the wire, in one place (proto types stop at Api/).</summary>
internal static class Mapping
{
    public static V1.DigitalTargets ToProto(this Domain.DigitalTargets targets) => new V1.DigitalTargets
    {
        CityTargets = { targets.CityTargets.OrderBy(c => c.CityCode, StringComparer.Ordinal).Select(c => new V1.DigitalCityTarget().FillFrom(c)) },
    }.FillFrom(targets);

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
}
