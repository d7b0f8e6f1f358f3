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

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
