using Industry.Clusters.Data;
using Industry.History.Data;
using Industry.Parks.Data;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Data;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests;

/// <summary>
/// Each service's model and its two migration sets (ADR 0003) stay in step: no model change without a migration for
/// both providers, and the migrations build a working database on a fresh PostgreSQL and a fresh SQLite file.
/// </summary>
public sealed class MigrationsTests : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;

    public static TheoryData<string> Services => ["cluster", "projects", "parks", "history"];

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Model_OnSqlite_HasNoChangesWithoutMigration(string service)
    {
        await using var db = Create(service, postgres: false, "Data Source=:memory:");

        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name}: run dotnet ef migrations add for both providers.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Model_OnPostgres_HasNoChangesWithoutMigration(string service)
    {
        await using var db = Create(service, postgres: true, "Host=unused");

        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name}: run dotnet ef migrations add for both providers.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Migrate_FreshPostgresDatabase_AppliesAllAndSeedsThe2024Targets(string service)
    {
        await using var db = Create(service, postgres: true, await _infrastructure.CreateDatabaseAsync("migrations_" + service));

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await CountSeededTargetsAsync(db));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Migrate_FreshSqliteFile_AppliesAllAndSeedsThe2024Targets(string service)
    {
        var file = Path.Combine(Path.GetTempPath(), $"migrations-{service}-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create(service, postgres: false, $"Data Source={file};Pooling=false");

            await db.Database.MigrateAsync();

            Assert.Equal(1, await CountSeededTargetsAsync(db));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<int> CountSeededTargetsAsync(DbContext db) => db switch
    {
        ClusterDbContext c => c.ClusterTargets.CountAsync(t => t.Year == 2024 && t.ProvincialSmeClusters == 25),
        ProjectsDbContext p => p.Plans.CountAsync(t => t.Year == 2024 && t.TargetKeyProjectsUnderImplementation == 1200),
        ParksDbContext k => k.DigitalTargets.CountAsync(t => t.Year == 2024 && t.EnterprisesTransformed == 6000),
        // The history seeds nothing: its table exists and is empty.
        HistoryDbContext h => h.Entries.CountAsync().ContinueWith(count => count.Result == 0 ? 1 : 0, TaskScheduler.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(db)),
    };

    private static DbContext Create(string service, bool postgres, string connectionString) => (service, postgres) switch
    {
        ("cluster", true) => new PostgresClusterDbContext(Postgres<PostgresClusterDbContext>(connectionString)),
        ("cluster", false) => new SqliteClusterDbContext(Sqlite<SqliteClusterDbContext>(connectionString)),
        ("projects", true) => new PostgresProjectsDbContext(Postgres<PostgresProjectsDbContext>(connectionString)),
        ("projects", false) => new SqliteProjectsDbContext(Sqlite<SqliteProjectsDbContext>(connectionString)),
        ("parks", true) => new PostgresParksDbContext(Postgres<PostgresParksDbContext>(connectionString)),
        ("parks", false) => new SqliteParksDbContext(Sqlite<SqliteParksDbContext>(connectionString)),
        ("history", true) => new PostgresHistoryDbContext(Postgres<PostgresHistoryDbContext>(connectionString)),
        ("history", false) => new SqliteHistoryDbContext(Sqlite<SqliteHistoryDbContext>(connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private static DbContextOptions<T> Postgres<T>(string connectionString)
        where T : DbContext => ServiceDatabaseOptions.For<T>(DatabaseProvider.Postgres, connectionString);

    private static DbContextOptions<T> Sqlite<T>(string connectionString)
        where T : DbContext => ServiceDatabaseOptions.For<T>(DatabaseProvider.Sqlite, connectionString);
}
