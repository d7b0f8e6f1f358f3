using Google.Protobuf.WellKnownTypes;

namespace Industry.ServiceDefaults.Resources;

/// <summary>Times on the wire. Every stored time is UTC; SQLite hands them back unmarked, so the kind is restated.</summary>
public static class WireTime
{
    public static Timestamp ToTimestamp(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
