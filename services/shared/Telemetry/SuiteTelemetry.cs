using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Industry.ServiceDefaults.Telemetry;

/// <summary>The suite's own ActivitySource and Meter (outbox relay, consumers, domain counters).</summary>
public static class SuiteTelemetry
{
    public const string SourceName = "Industry";

    public static readonly ActivitySource ActivitySource = new(SourceName);

    public static readonly Meter Meter = new(SourceName);
}
