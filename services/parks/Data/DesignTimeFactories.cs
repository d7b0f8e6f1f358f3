using Industry.ServiceDefaults.Data;

namespace Industry.Parks.Data;

/// <summary>For <c>dotnet ef migrations add X -c SqliteParksDbContext -o Data/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteParksDbContext>;

/// <summary>For <c>dotnet ef migrations add X -c PostgresParksDbContext -o Data/Migrations/Postgres</c>.</summary>
internal sealed class PostgresDesignTimeFactory : PostgresDesignTimeFactory<PostgresParksDbContext>;
