using Industry.ServiceDefaults.Data;

namespace Industry.Clusters.Data;

/// <summary>For <c>dotnet ef migrations add X -c SqliteClusterDbContext -o Data/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteClusterDbContext>;

/// <summary>For <c>dotnet ef migrations add X -c PostgresClusterDbContext -o Data/Migrations/Postgres</c>.</summary>
internal sealed class PostgresDesignTimeFactory : PostgresDesignTimeFactory<PostgresClusterDbContext>;
