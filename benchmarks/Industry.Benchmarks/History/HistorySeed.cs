using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using Industry.ServiceDefaults.Reference;
using Npgsql;
using NpgsqlTypes;

namespace Industry.Benchmarks.History;

/// <summary>What the seed wrote, and how long it took.</summary>
internal sealed record HistorySeedResult(int Changes, int Subjects, int Partitions, DateTime First, DateTime Last, long TableBytes, double Seconds, double AllVisible);

/// <summary>
/// Fills the history service's (migrated, partitioned) database with <c>changes</c> stored events in one binary COPY
/// through the partitioned table, as the writer would have stored them over <c>months</c> months up to now: positions
/// in store-time order; one subject per 50 changes (six projects to a park; a tenth there at the start, the rest joining
/// evenly over the months, so older records have more versions), each subject's changes at growing versions
/// (the first a <c>…Created</c>, the rest <c>…Updated</c> with the full record and a changed investment or count), in
/// the record's city and county, by one of 20 editors of its city or, one change in ten, a province admin. Bodies are
/// the events' proto3 JSON, as the publishers write them. Deterministic (fixed seed); then VACUUM ANALYZE.
/// </summary>
internal static class HistorySeed
{
    public const int ChangesPerSubject = 50;

    public static async Task<HistorySeedResult> RunAsync(string connectionString, int changes, int months, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = DateTime.UtcNow;
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - months);
        var last = now.AddHours(-1);
        var subjects = Math.Max(10, changes / ChangesPerSubject);
        var versions = new long[subjects];
        var random = new Random(2020);

        await using var seed = await SeedConnection.OpenAsync(connectionString, cancellationToken);
        await seed.ExecuteAsync(FormattableString.Invariant($"SELECT history_ensure_month_partitions('{first:yyyy-MM-dd}T00:00:00Z', {months + 1})"), cancellationToken);
        await using (var writer = await seed.Connection.BeginBinaryImportAsync(
            """
            COPY history_entries (position, event_id, event_type, source, subject, subject_version, actor, occur_time, store_time,
                resource_type, city_code, county_code, trace_parent, body) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            var span = (last - first).Ticks;
            var idBytes = new byte[16];
            for (var i = 0; i < changes; i++)
            {
                // Records keep arriving: a tenth exist at the start, the rest join evenly over the months.
                var subject = random.Next(Math.Min(subjects, (int)(subjects / 10 + ((long)subjects * 9 / 10 * i / changes)) + 1));
                var version = ++versions[subject];
                var storeTime = first.AddTicks(span / changes * i);
                var occurTime = storeTime.AddMilliseconds(-random.Next(1, 2000));
                random.NextBytes(idBytes);
                var record = Record.Of(subject);
                var actor = random.Next(10) == 0 ? $"province-admin-{random.Next(5)}" : $"editor-{record.CityCode}-{random.Next(20):D2}";
                var @event = record.Event(version, actor, occurTime, new Guid(idBytes), random);
                var type = EventCatalog.For(@event.GetType());

                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(new Guid(idBytes).ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(type.FullName, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(record.Source, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(record.Name, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(actor, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(occurTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(storeTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(record.ResourceType, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(record.CityCode, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(record.CountyCode, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"00-{random.NextInt64():x16}{random.NextInt64():x16}-{random.NextInt64():x16}-01", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(JsonFormatter.Default.Format(@event), NpgsqlDbType.Text, cancellationToken);
                if (i % 1_000_000 == 999_999)
                {
                    Console.WriteLine($"seed: {i + 1:N0} changes, {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s");
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await seed.ExecuteAsync(FormattableString.Invariant($"SELECT setval('history_entries_position', {changes + 1}, false)"), cancellationToken);
        var partitions = await PartitionsAsync(seed.Connection, cancellationToken);
        var allVisible = await seed.SettleAsync(partitions, cancellationToken);
        await using var size = new NpgsqlCommand("SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c WHERE c.relname = ANY(@names)", seed.Connection);
        size.Parameters.AddWithValue("names", partitions.ToArray());
        var bytes = (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        return new HistorySeedResult(changes, subjects, partitions.Count, first, last, bytes, Stopwatch.GetElapsedTime(started).TotalSeconds, allVisible);
    }

    private static async Task<List<string>> PartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'history_entries'::regclass ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A seeded record: every seventh a park, the rest projects, spread over the 104 counties.</summary>
    internal sealed record Record(int Serial, bool IsPark, string CountyCode, string CityCode)
    {
        public string Name => IsPark ? $"parks/bench-park-{Serial:D6}" : $"projects/bench-{Serial:D7}";

        public string ResourceType => IsPark ? "parks" : "projects";

        public string Source => IsPark ? "//parks.industry.anhui.gov.cn" : "//projects.industry.anhui.gov.cn";

        public static Record Of(int serial)
        {
            var county = Divisions.Counties[serial % Divisions.Counties.Count];
            return new Record(serial, serial % 7 == 0, county.Code, Divisions.CityOf(county.Code)!.Code);
        }

        /// <summary>The event of this record at <paramref name="version"/>: created at 1, updated after.</summary>
        public IMessage Event(long version, string actor, DateTime occurTime, Guid eventId, Random random)
        {
            var metadata = new EventMetadata
            {
                EventId = eventId.ToString(),
                Source = Source,
                OccurTime = Timestamp.FromDateTime(occurTime),
                Subject = Name,
                SubjectVersion = version,
                Actor = actor,
            };
            var time = Timestamp.FromDateTime(occurTime);
            var etag = $"W/\"{version}\"";
            if (IsPark)
            {
                var park = new Park
                {
                    Name = Name,
                    DisplayName = $"示范园区 {Serial:D6}",
                    CountyCode = CountyCode,
                    CityCode = CityCode,
                    AboveSizeEnterpriseCount = 20 + random.Next(480),
                    Etag = etag,
                    UpdateTime = time,
                    UpdateActor = actor,
                };
                metadata.EventType = (version == 1 ? ParkCreated.Descriptor : ParkUpdated.Descriptor).FullName;
                return version == 1
                    ? new ParkCreated { Metadata = metadata, Park = park }
                    : new ParkUpdated { Metadata = metadata, Park = park, UpdateMask = new FieldMask { Paths = { "above_size_enterprise_count" } } };
            }

            var project = new Project
            {
                Name = Name,
                DisplayName = $"重点项目 {Serial:D7}",
                ProjectCode = $"2024-{CountyCode}-{Serial:D7}",
                EnterpriseUscc = $"91{CountyCode}{Serial:D9}X",
                EnterpriseDisplayName = $"安徽示范企业 {Serial:D7} 有限公司",
                CountyCode = CountyCode,
                CityCode = CityCode,
                Industry = "AUTO",
                TotalInvestmentYuan = 100_000_000L + (random.Next(1, 500) * 1_000_000L),
                Etag = etag,
                UpdateTime = time,
                UpdateActor = actor,
            };
            metadata.EventType = (version == 1 ? ProjectCreated.Descriptor : ProjectUpdated.Descriptor).FullName;
            return version == 1
                ? new ProjectCreated { Metadata = metadata, Project = project }
                : new ProjectUpdated { Metadata = metadata, Project = project, UpdateMask = new FieldMask { Paths = { "total_investment_yuan" } } };
        }
    }
}
