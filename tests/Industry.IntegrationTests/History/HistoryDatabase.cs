using System.Globalization;
using Industry.History.Data;
using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Industry.IntegrationTests.History;

/// <summary>A history database on the real PostgreSQL, and the SQL the partition and archive tests read it with.</summary>
internal sealed class HistoryDatabase(string connectionString)
{
    public string ConnectionString => connectionString;

    public PostgresHistoryDbContext Context() =>
        new(ServiceDatabaseOptions.For<PostgresHistoryDbContext>(DatabaseProvider.Postgres, connectionString));

    public async Task MigrateAsync(string? target = null)
    {
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    /// <summary>Inserts an entry as the writer would, with the given store time (the month partition must exist).</summary>
    public Task<long> InsertAsync(string subject, long version, DateTime storeTime, string? eventId = null) =>
        InsertAsync(subject, version, storeTime, "tester", "{}", eventId);

    /// <summary>Inserts an entry with its actor and body (proto3 JSON of the event), as the writer would.</summary>
    public Task<long> InsertAsync(string subject, long version, DateTime storeTime, string actor, string body, string? eventId = null) =>
        ScalarAsync<long>(
            """
            INSERT INTO history_entries (event_id, event_type, source, subject, subject_version, actor, occur_time, store_time,
                resource_type, city_code, county_code, body)
            VALUES (@p0, 'industry.projects.v1.ProjectUpdated', 'test', @p1, @p2, @p4, @p3, @p3, 'projects', '340100', '340102', @p5)
            RETURNING position
            """,
            eventId ?? Guid.NewGuid().ToString(), subject, version, storeTime, actor, body);

    public Task EnsureMonthsAsync(DateTime from, int months) =>
        ScalarAsync<object>("SELECT history_ensure_month_partitions(@p0, @p1)", from, months);

    /// <summary>The partitions of <c>history_entries</c>, by name.</summary>
    public async Task<List<string>> PartitionsAsync()
    {
        var names = new List<string>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'history_entries'::regclass ORDER BY 1",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("p" + i.ToString(CultureInfo.InvariantCulture), parameters[i]);
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T) == typeof(object) ? value.GetType() : typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The first instant (UTC) of the month <paramref name="monthsAgo"/> before the current one.</summary>
    public static DateTime MonthsAgo(int monthsAgo)
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-monthsAgo);
    }

    public static string PartitionOf(DateTime month) => string.Create(CultureInfo.InvariantCulture, $"history_entries_{month:yyyy_MM}");
}
