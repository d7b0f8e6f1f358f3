namespace Industry.ServiceDefaults.Data;

/// <summary>Which engine a service's connection string points at.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: the default for a local run (one replica).</summary>
    Sqlite,

    /// <summary>PostgreSQL: production, integration tests and anything with several replicas.</summary>
    Postgres,
}

public static class DatabaseProviders
{
    /// <summary>
    /// PostgreSQL when the connection string names a host (Npgsql syntax, <c>Host=…</c>), SQLite when it names a file
    /// (<c>Data Source=…</c>). Deciding from the string alone keeps one configuration key per service.
    /// </summary>
    public static DatabaseProvider Detect(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;
}
