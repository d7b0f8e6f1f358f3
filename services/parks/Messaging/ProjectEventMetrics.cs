using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Telemetry;

namespace Industry.Parks.Messaging;

/// <summary>
/// <c>industry.parks.project_transformations.refused_other_city</c>: project completions that named a park of another
/// city than the project's and were not recorded (ADR 0017). It should stay at zero; a rise means a project reference
/// slipped past the projects service's city rule (or predates it), or someone publishes project events by hand.
/// </summary>
public static class ProjectEventMetrics
{
    public const string RefusedOtherCityInstrument = "industry.parks.project_transformations.refused_other_city";

    /// <summary>Tag naming the park's city: the city whose digital progress the event would have changed.</summary>
    public const string ParkCityTag = "park_city";

    private static readonly Counter<long> RefusedOtherCityCounter = SuiteTelemetry.Meter.CreateCounter<long>(
        RefusedOtherCityInstrument, unit: "{event}", description: "Project completions not recorded as transformations because the project's city is not the park's.");

    internal static void RefusedOtherCity(string parkCityCode) =>
        RefusedOtherCityCounter.Add(1, new KeyValuePair<string, object?>(ParkCityTag, parkCityCode));
}
