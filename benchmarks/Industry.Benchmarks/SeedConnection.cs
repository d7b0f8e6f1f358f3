using System.Globalization;
using Npgsql;

namespace Industry.Benchmarks;

/// <summary>
/// The one connection a seed bulk-loads a service's database through: COPYs with the foreign-key triggers off (every
/// reference is written first by construction), then <see cref="SettleAsync"/> leaves the tables as a long-lived
/// database's autovacuum would have.
/// </summary>
internal sealed class SeedConnection : IAsyncDisposable
{
    private SeedConnection(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<SeedConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var seed = new SeedConnection(connection);
        // The benchmark servers run with synchronous_commit off. VACUUM may then meet rows whose commit record is not
        // yet flushed: it cannot set their hint bits, so it leaves their pages out of the visibility map, and every
        // index-only scan afterwards reads the heap. Which pages were affected depended on the WAL writer's timing
        // (runs measured GetClusterProgress at 30 ms or 130 ms on the same code), so the seed's commits are synchronous.
        await seed.ExecuteAsync("SET synchronous_commit = on", cancellationToken);
        await seed.ExecuteAsync("SET session_replication_role = replica", cancellationToken);
        return seed;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Turns the triggers back on and VACUUM ANALYZEs <paramref name="tables"/>; returns the share of their pages VACUUM
    /// marked all-visible (1 on a quiet server), which the report prints so that a run on a half-vacuumed database shows.
    /// </summary>
    public async Task<double> SettleAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await ExecuteAsync("SET session_replication_role = DEFAULT", cancellationToken);
        foreach (var table in tables)
        {
            await ExecuteAsync("VACUUM ANALYZE " + table, cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(SUM(relallvisible)::float8 / NULLIF(SUM(relpages), 0), 1) FROM pg_class WHERE relname = ANY(@tables)",
            Connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        return Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
