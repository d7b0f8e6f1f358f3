using Google.Protobuf.WellKnownTypes;

namespace Industry.ServiceDefaults.Resources;

/// <summary>Times on the wire. Every stored time is UTC; SQLite hands them back unmarked, so the kind is restated.</summary>
public static class WireTime
{
    public static Timestamp ToTimestamp(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>
    /// The current UTC time at the precision the databases keep (PostgreSQL: microseconds), so that the resource a
    /// write returns is exactly the one a later read returns.
    /// </summary>
    public static DateTime UtcNow(TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }
}
