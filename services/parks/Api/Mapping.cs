namespace Industry.Parks.Api;

/// <summary>Domain types to and from the wire, in one place (proto types stop at Api/).</summary>
internal static class Mapping
{
    public static V1.DigitalTargets ToProto(this Domain.DigitalTargets targets) => new V1.DigitalTargets
    {
        CityTargets = { targets.CityTargets.OrderBy(c => c.CityCode, StringComparer.Ordinal).Select(c => new V1.DigitalCityTarget().FillFrom(c)) },
    }.FillFrom(targets);

    /// <summary>The targets a request gives; one it leaves out is null.</summary>
    public static Domain.DigitalTargetsDraft ToDraft(this V1.DigitalTargets targets) => targets.ToRecord<Domain.DigitalTargetsDraft>();
}
