using Industry.ServiceDefaults.Data;

namespace Industry.Projects.Data;

/// <summary>For <c>dotnet ef migrations add X -c SqliteProjectsDbContext -o Data/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteProjectsDbContext>;

/// <summary>For <c>dotnet ef migrations add X -c PostgresProjectsDbContext -o Data/Migrations/Postgres</c>.</summary>
internal sealed class PostgresDesignTimeFactory : PostgresDesignTimeFactory<PostgresProjectsDbContext>;
