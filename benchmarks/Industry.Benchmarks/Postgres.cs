using Npgsql;

namespace Industry.Benchmarks;

/// <summary>A database of the benchmark's own on the given server, dropped at the end.</summary>
internal sealed class Postgres(string adminConnectionString, string name, string connectionString)
{
    public string ConnectionString => connectionString;

    public static async Task<Postgres> CreateDatabaseAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
        return new Postgres(adminConnectionString, name, connectionString);
    }

    public static async Task<string> VersionAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Gathers the planner's statistics of <paramref name="tables"/> (comma-separated), as autovacuum keeps them in a service's
    /// long-lived database. The benchmark's database is minutes old: before autovacuum's first visit (a minute at the
    /// earliest, later on a busy machine) PostgreSQL plans its queries for empty tables, e.g. the inbox look-ups as
    /// scans of every row, and a run measured that or not depending on when autovacuum came.
    /// </summary>
    public async Task AnalyzeAsync(string tables, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("ANALYZE " + tables, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
