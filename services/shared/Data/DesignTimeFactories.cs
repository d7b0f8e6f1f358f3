using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Industry.ServiceDefaults.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a provider-specific context without starting the service.
/// Each service declares one subclass per provider (see its Data/DesignTimeFactories.cs).
/// </summary>
public abstract class SqliteDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    public T CreateDbContext(string[] args) => (T)Activator.CreateInstance(typeof(T),
        ServiceDatabaseOptions.For<T>(DatabaseProvider.Sqlite, "Data Source=design-time.db"))!;
}

/// <inheritdoc cref="SqliteDesignTimeFactory{T}"/>
public abstract class PostgresDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    public T CreateDbContext(string[] args) => (T)Activator.CreateInstance(typeof(T),
        ServiceDatabaseOptions.For<T>(DatabaseProvider.Postgres, "Host=localhost;Database=design_time"))!;
}
