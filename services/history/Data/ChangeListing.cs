using Industry.ServiceDefaults.Filtering;

namespace Industry.History.Data;

/// <summary>What <c>ListChanges</c> and <c>SearchChanges</c> filter and order by: the fields of the proto's <c>filter</c> comments, each on its column.</summary>
internal static class ChangeListing
{
    public static readonly FilterSchema<HistoryEntry> RecordFilter = new FilterSchema<HistoryEntry>()
        .Text("actor", e => e.Actor)
        .Text("event_type", e => e.EventType)
        .Timestamp("occur_time", e => e.OccurTime);

    public static readonly FilterSchema<HistoryEntry> SearchFilter = new FilterSchema<HistoryEntry>()
        .Text("actor", e => e.Actor)
        .Text("city_code", e => e.CityCode)
        .Text("county_code", e => e.CountyCode)
        .Text("resource_type", e => e.ResourceType)
        .Text("event_type", e => e.EventType)
        .Text("subject", e => e.Subject)
        .Timestamp("occur_time", e => e.OccurTime);

    /// <summary>One record's changes by version, not by arrival: out-of-order deliveries still list in version order.</summary>
    public static readonly SortSchema<HistoryEntry> ByVersion = new SortSchema<HistoryEntry>(e => e.EventId, "subject_version desc")
        .Field("subject_version", e => e.SubjectVersion);

    public static readonly SortSchema<HistoryEntry> ByTime = new SortSchema<HistoryEntry>(e => e.EventId, "occur_time desc")
        .Field("occur_time", e => e.OccurTime);
}
