using System.Text.Json;
using Grpc.Core;
using Npgsql;

namespace Industry.Benchmarks.Chaos;

/// <summary>An event in a producer's outbox.</summary>
internal sealed record OutboxEvent(Guid MessageId, string Type, string Subject, long Version, DateTime Occur);

/// <summary>A producer's outbox at the end: every row, those still pending, those quarantined.</summary>
internal sealed record OutboxState(string Service, int Total, int Pending, int Quarantined);

/// <summary>What one consumer did with the events meant for it.</summary>
internal sealed record ConsumerCheck(
    string Name, int Expected, int Received, IReadOnlyList<OutboxEvent> Missing, int Unexpected, IReadOnlyList<string> StaleSubjects, IReadOnlyDictionary<Guid, DateTime> Receipts)
{
    /// <summary>Receipt minus commit of every event received, in seconds.</summary>
    public IEnumerable<(OutboxEvent Event, double Seconds)> Lags(IEnumerable<OutboxEvent> events) =>
        events.Where(e => Receipts.ContainsKey(e.MessageId)).Select(e => (e, (Receipts[e.MessageId] - e.Occur).TotalSeconds));
}

/// <summary>
/// The end of the run, read from the databases and the broker: the producers' outboxes, each consumer's inbox against
/// the events meant for it (by message id, and the newest version of each subject), the projections against the
/// projects, and every queue's depth. Inbox rows are keyed by (consumer, message id), so an event cannot be applied
/// twice unnoticed; what this looks for is one applied never.
/// </summary>
internal sealed record ChaosCheck(
    IReadOnlyList<OutboxState> Outboxes,
    IReadOnlyList<OutboxEvent> ProjectEvents,
    IReadOnlyList<ConsumerCheck> Consumers,
    IReadOnlyList<string> DivergedProjections,
    IReadOnlyList<string> AcknowledgedWithoutEvent,
    IReadOnlyList<(string Queue, long Messages)> Queues)
{
    public const string ClusterConsumer = "cluster-renovation-projects";
    public const string ParksConsumer = "parks-project-transformations";

    private static readonly string[] ClusterTypes = ["ProjectCreated", "ProjectUpdated", "ProjectStateChanged", "ProjectDeleted", "InvestmentReported", "InvestmentReportDeleted"];

    public int Lost => Consumers.Sum(c => c.Missing.Count) + Outboxes.Sum(o => o.Pending + o.Quarantined) + AcknowledgedWithoutEvent.Count;

    public long InErrorQueues => Queues.Where(q => IsErrorQueue(q.Queue)).Sum(q => q.Messages);

    public bool Passed => Lost == 0 && InErrorQueues == 0 && DivergedProjections.Count == 0;

    public static bool IsErrorQueue(string queue) => queue.EndsWith("_error", StringComparison.Ordinal) || queue.EndsWith("_skipped", StringComparison.Ordinal);

    /// <summary>Backlog still moving: outbox rows pending (not quarantined) and messages in queues other than error queues.</summary>
    public static async Task<long> BacklogAsync(ChaosSuite suite, ChaosSettings settings)
    {
        long backlog = 0;
        foreach (var service in ChaosSuite.Services)
        {
            backlog += await ScalarAsync(suite.Databases[service], "SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NULL AND quarantine_time IS NULL");
        }

        return backlog + (await QueuesAsync(settings)).Where(q => !IsErrorQueue(q.Queue)).Sum(q => q.Messages);
    }

    public static async Task<ChaosCheck> RunAsync(ChaosSuite suite, ChaosSettings settings, IReadOnlyCollection<WriteOutcome> writes)
    {
        var outboxes = new List<OutboxState>();
        var events = new Dictionary<string, List<OutboxEvent>>(StringComparer.Ordinal);
        foreach (var service in ChaosSuite.Services)
        {
            events[service] = await OutboxAsync(suite.Databases[service]);
            outboxes.Add(new OutboxState(
                service,
                events[service].Count,
                (int)await ScalarAsync(suite.Databases[service], "SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NULL AND quarantine_time IS NULL"),
                (int)await ScalarAsync(suite.Databases[service], "SELECT count(*) FROM outbox_messages WHERE quarantine_time IS NOT NULL")));
        }

        var projectEvents = events["projects"].Where(e => e.Type.StartsWith("industry.projects.v1.", StringComparison.Ordinal)).ToList();
        var forCluster = projectEvents.Where(e => ClusterTypes.Contains(e.Type["industry.projects.v1.".Length..])).ToList();
        var forParks = projectEvents.Where(e => e.Type == "industry.projects.v1.ProjectStateChanged").ToList();
        var consumers = new[]
        {
            await ConsumerAsync("cluster", ClusterConsumer, suite.Databases["cluster"], forCluster),
            await ConsumerAsync("parks", ParksConsumer, suite.Databases["parks"], forParks),
        };

        var diverged = new List<string>();
        diverged.AddRange(await ClusterProjectionAsync(suite));
        diverged.AddRange(await ParksProjectionAsync(suite));

        // Every write acknowledged OK committed an event: per subject, no more acknowledgements than events.
        var eventsBySubject = events.Values.SelectMany(e => e).GroupBy(e => e.Subject).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var acknowledgedWithoutEvent = writes.Where(w => w.Status == StatusCode.OK && w.Operation != "ReportInvestment")
            .GroupBy(w => w.Subject)
            .Where(g => g.Count() > eventsBySubject.GetValueOrDefault(g.Key))
            .Select(g => $"{g.Key}: {g.Count()} writes acknowledged, {eventsBySubject.GetValueOrDefault(g.Key)} events")
            .ToList();

        return new ChaosCheck(outboxes, projectEvents, consumers, diverged, acknowledgedWithoutEvent, await QueuesAsync(settings));
    }

    private static async Task<ConsumerCheck> ConsumerAsync(string service, string consumer, Postgres database, List<OutboxEvent> expected)
    {
        var receipts = new Dictionary<Guid, DateTime>();
        await using (var connection = await OpenAsync(database))
        {
            await using var command = new NpgsqlCommand("SELECT message_id, receive_time FROM inbox_messages WHERE consumer = @c", connection);
            command.Parameters.AddWithValue("c", consumer);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                receipts[reader.GetGuid(0)] = reader.GetDateTime(1);
            }
        }

        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var connection = await OpenAsync(database))
        {
            await using var command = new NpgsqlCommand("SELECT subject, version FROM inbox_subject_versions WHERE consumer = @c", connection);
            command.Parameters.AddWithValue("c", consumer);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applied[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var missing = expected.Where(e => !receipts.ContainsKey(e.MessageId)).ToList();
        var expectedIds = expected.Select(e => e.MessageId).ToHashSet();
        var stale = expected.Where(e => e.Version > 0).GroupBy(e => e.Subject)
            .Select(g => (Subject: g.Key, Newest: g.Max(e => e.Version)))
            .Where(s => applied.GetValueOrDefault(s.Subject) != s.Newest)
            .Select(s => $"{service}: {s.Subject} newest event version {s.Newest}, applied {applied.GetValueOrDefault(s.Subject)}")
            .ToList();
        return new ConsumerCheck(service, expected.Count, expected.Count - missing.Count, missing, receipts.Keys.Count(id => !expectedIds.Contains(id)), stale, receipts);
    }

    /// <summary>The cluster service's row of each project carries the project's version; a deleted project has none.</summary>
    private static async Task<IEnumerable<string>> ClusterProjectionAsync(ChaosSuite suite)
    {
        var projects = await PairsAsync(suite.Databases["projects"], "SELECT id, version FROM projects");
        var rows = await PairsAsync(suite.Databases["cluster"], "SELECT project_id, version FROM renovation_projects");
        return projects.Where(p => rows.GetValueOrDefault(p.Key) != p.Value).Select(p => $"cluster: renovation project {p.Key} at version {rows.GetValueOrDefault(p.Key)}, the project is at {p.Value}")
            .Concat(rows.Keys.Where(id => !projects.ContainsKey(id)).Select(id => $"cluster: renovation project {id} kept, the project was deleted"));
    }

    /// <summary>A completed (or producing) digital-transformation project in a certified park has its transformation.</summary>
    private static async Task<IEnumerable<string>> ParksProjectionAsync(ChaosSuite suite)
    {
        var completed = await PairsAsync(suite.Databases["projects"], "SELECT enterprise_uscc, 0 FROM projects WHERE digital_transformation AND state IN (3, 4) AND park <> ''");
        var recorded = await PairsAsync(suite.Databases["parks"], "SELECT enterprise_uscc, 0 FROM transformations");
        return completed.Keys.Where(uscc => !recorded.ContainsKey(uscc)).Select(uscc => $"parks: no transformation for the completed digital-transformation project of {uscc}");
    }

    public static async Task<IReadOnlyList<(string Queue, long Messages)>> QueuesAsync(ChaosSettings settings)
    {
        var json = await RabbitMqCtl.RunAsync(settings, "list_queues", "name", "messages", "--formatter", "json", "-q");
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(q => (q.GetProperty("name").GetString()!, q.GetProperty("messages").GetInt64())).OrderBy(q => q.Item1, StringComparer.Ordinal)];
    }

    private static async Task<List<OutboxEvent>> OutboxAsync(Postgres database)
    {
        var rows = new List<OutboxEvent>();
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand("SELECT message_id, event_type, subject, subject_version, occur_time FROM outbox_messages ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxEvent(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetDateTime(4)));
        }

        return rows;
    }

    private static async Task<Dictionary<string, long>> PairsAsync(Postgres database, string sql)
    {
        var pairs = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return pairs;
    }

    private static async Task<long> ScalarAsync(Postgres database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<NpgsqlConnection> OpenAsync(Postgres database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
