using System.Text.RegularExpressions;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The relay's round query stays an ordered walk of the pending index however stale the table's statistics are. An
/// import of 20,000 rows fills the outbox faster than autovacuum analyses it; when the query did not match the index's
/// predicate, PostgreSQL collected every undispatched row version through the dispatch-time index and sorted them:
/// 100 ms a round at 80,000 rows, a quarter of the import's throughput (docs/benchmarks.md).
/// </summary>
public sealed partial class OutboxRelayQueryPlanTests : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task NextBatch_AfterAnImportWithoutAnalyze_WalksThePendingIndexAndReadsOnlyTheBatch()
    {
        var connectionString = await _infrastructure.CreateDatabaseAsync("outbox_plan");
        await using var db = new PostgresProjectsDbContext(ServiceDatabaseOptions.For<PostgresProjectsDbContext>(DatabaseProvider.Postgres, connectionString));
        await db.Database.MigrateAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // As during an import: 20,000 rows written and 19,800 of them published, before any ANALYZE of the table.
        await ExecuteAsync(connection, """
            ALTER TABLE outbox_messages SET (autovacuum_enabled = false);
            INSERT INTO outbox_messages (message_id, event_type, subject, subject_version, actor, occur_time, body, attempts)
            SELECT gen_random_uuid(), 'industry.projects.v1.ProjectCreated', 'projects/p-' || i, 1, 'import', now(), repeat('x', 900), 0
            FROM generate_series(1, 20000) AS i;
            UPDATE outbox_messages SET dispatch_time = now() WHERE id <= (SELECT min(id) + 19799 FROM outbox_messages);
            """);

        var plan = await ExplainAsync(connection, db.Set<OutboxMessage>().NextBatch(200).ToQueryString());

        Assert.Contains("using ix_outbox_messages_pending", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Bitmap", plan, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The plan of EF's SQL, its <c>-- @p='v'</c> parameter comments put back in as literals.</summary>
    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string efSql)
    {
        var parameters = ParameterComment().Matches(efSql).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var sql = string.Join('\n', efSql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
        sql = parameters.Aggregate(sql, (text, p) => Regex.Replace(text, $@"@{Regex.Escape(p.Key)}\b", p.Value));
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^-- @(?<name>\w+)='(?<value>[^']*)'", RegexOptions.Multiline)]
    private static partial Regex ParameterComment();
}
