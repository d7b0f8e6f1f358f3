using Industry.ServiceDefaults.Data;

namespace Industry.History.Data;

/// <summary>For <c>dotnet ef migrations add X -c SqliteHistoryDbContext -o Data/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteHistoryDbContext>;

/// <summary>For <c>dotnet ef migrations add X -c PostgresHistoryDbContext -o Data/Migrations/Postgres</c>.</summary>
internal sealed class PostgresDesignTimeFactory : PostgresDesignTimeFactory<PostgresHistoryDbContext>;
