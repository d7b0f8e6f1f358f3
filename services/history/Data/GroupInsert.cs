using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Industry.History.Data;

/// <summary>
/// Adds the writer's group of entries and their event ids in its transaction. On PostgreSQL in one statement over
/// arrays: EF Core's batch is one <c>INSERT … RETURNING</c> per row, and each of them set up the routing into the month
/// partitions and their eight indexes anew (ADR 0046: most of the writer's time per group at 1,000,000 changes). Positions
/// are drawn in the group's order. SQLite (one table, local runs) keeps EF Core's inserts.
/// </summary>
internal static class GroupInsert
{
    private const string Sql = """
        WITH rows AS (
            SELECT * FROM unnest(@event_ids, @event_types, @sources, @subjects, @subject_versions, @actors, @occur_times,
                @resource_types, @city_codes, @county_codes, @trace_parents, @bodies) WITH ORDINALITY
                AS r(event_id, event_type, source, subject, subject_version, actor, occur_time, resource_type, city_code,
                    county_code, trace_parent, body, ord)),
        ids AS (INSERT INTO history_event_ids (event_id) SELECT event_id FROM rows)
        INSERT INTO history_entries (event_id, event_type, source, subject, subject_version, actor, occur_time, store_time,
            resource_type, city_code, county_code, trace_parent, body)
        SELECT event_id, event_type, source, subject, subject_version, actor, occur_time, @store_time, resource_type,
            city_code, county_code, trace_parent, body
        FROM rows ORDER BY ord
        """;

    public static async Task AddAsync(HistoryDbContext db, DatabaseProvider provider, List<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (provider != DatabaseProvider.Postgres)
        {
            db.Entries.AddRange(entries);
            db.EventIds.AddRange(entries.Select(e => new StoredEventId { EventId = e.EventId }));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        NpgsqlParameter Text(string name, Func<HistoryEntry, string?> value) =>
            new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entries.Select(value).ToArray() };

        await db.Database.ExecuteSqlRawAsync(
            Sql,
            [
                Text("event_ids", e => e.EventId),
                Text("event_types", e => e.EventType),
                Text("sources", e => e.Source),
                Text("subjects", e => e.Subject),
                new NpgsqlParameter("subject_versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = entries.Select(e => e.SubjectVersion).ToArray() },
                Text("actors", e => e.Actor),
                new NpgsqlParameter("occur_times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = entries.Select(e => DateTime.SpecifyKind(e.OccurTime, DateTimeKind.Utc)).ToArray() },
                Text("resource_types", e => e.ResourceType),
                Text("city_codes", e => e.CityCode),
                Text("county_codes", e => e.CountyCode),
                Text("trace_parents", e => e.TraceParent),
                Text("bodies", e => e.Body),
                new NpgsqlParameter("store_time", NpgsqlDbType.TimestampTz) { Value = DateTime.SpecifyKind(entries[0].StoreTime, DateTimeKind.Utc) },
            ],
            cancellationToken);
    }
}
