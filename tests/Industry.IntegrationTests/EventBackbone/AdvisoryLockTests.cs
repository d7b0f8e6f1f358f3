using Industry.Projects.Data;
using Industry.ServiceDefaults.Data;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The shared advisory lock that lets one replica at a time run the outbox relay's round or a scheduled job's batch:
/// taken by one transaction, refused to another session's until the first ends, and never held outside a transaction.
/// </summary>
public sealed class AdvisoryLockTests : IAsyncLifetime
{
    private const long Key = 0x74657374; // "test"

    private BrokerAndDatabase _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task OnPostgres_OneTransactionHoldsTheKeyUntilItEnds()
    {
        var connectionString = await _infrastructure.CreateDatabaseAsync("advisory_lock");
        await using var first = Context(connectionString);
        await using var second = Context(connectionString);

        await using (var holding = await first.Database.BeginTransactionAsync())
        {
            Assert.True(await AdvisoryLock.TryTakeForTransactionAsync(first, DatabaseProvider.Postgres, Key, CancellationToken.None));
            await using var waiting = await second.Database.BeginTransactionAsync();
            Assert.False(await AdvisoryLock.TryTakeForTransactionAsync(second, DatabaseProvider.Postgres, Key, CancellationToken.None));
            Assert.True(await AdvisoryLock.TryTakeForTransactionAsync(second, DatabaseProvider.Postgres, Key + 1, CancellationToken.None));
            await waiting.RollbackAsync();
            await holding.CommitAsync();
        }

        await using var next = await second.Database.BeginTransactionAsync();
        Assert.True(await AdvisoryLock.TryTakeForTransactionAsync(second, DatabaseProvider.Postgres, Key, CancellationToken.None));
    }

    [Fact]
    public async Task OnPostgres_OutsideATransaction_IsRefusedBeforeAnyStatement()
    {
        await using var db = Context("Host=unreachable.invalid;Database=none");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AdvisoryLock.TryTakeForTransactionAsync(db, DatabaseProvider.Postgres, Key, CancellationToken.None));
    }

    [Fact]
    public async Task OnSqlite_IsGrantedWithoutAStatement()
    {
        await using var db = Context("Host=unreachable.invalid;Database=none");

        Assert.True(await AdvisoryLock.TryTakeForTransactionAsync(db, DatabaseProvider.Sqlite, Key, CancellationToken.None));
    }

    private static PostgresProjectsDbContext Context(string connectionString) =>
        new(ServiceDatabaseOptions.For<PostgresProjectsDbContext>(DatabaseProvider.Postgres, connectionString));
}
