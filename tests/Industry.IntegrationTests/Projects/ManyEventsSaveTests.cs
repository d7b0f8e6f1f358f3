using Industry.Projects.Data;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// A save that raises many events on PostgreSQL inserts their outbox rows as one statement (ProjectsDbContext, a
/// reminder batch's thousands): every row stored once, in the order raised, in the save's transaction; and a failed
/// save keeps them in the context, as EF Core keeps any change a failed SaveChanges did not store.
/// </summary>
public sealed class ManyEventsSaveTests : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _database = await _infrastructure.CreateDatabaseAsync("many_events");
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(2500)]
    public async Task EveryEvent_IsStoredOnce_InTheOrderRaised(int count)
    {
        var raised = Messages(count);
        await using (var db = Context())
        {
            db.Set<OutboxMessage>().AddRange(raised);
            await db.SaveChangesAsync();
        }

        Assert.Equal(raised.Select(m => (m.MessageId, m.Subject, m.Body)), await StoredAsync());
    }

    [Fact]
    public async Task AFailedSave_KeepsItsEvents_SoThatTheNextSaveStoresThem()
    {
        var raised = Messages(150);
        var failOnce = new FailOnce();
        await using var db = Context(failOnce);
        db.Set<OutboxMessage>().AddRange(raised);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Empty(await StoredAsync());
        Assert.Equal(150, db.ChangeTracker.Entries<OutboxMessage>().Count(e => e.State == EntityState.Added));

        await db.SaveChangesAsync();
        Assert.Equal(raised.Select(m => (m.MessageId, m.Subject, m.Body)), await StoredAsync());
    }

    private static List<OutboxMessage> Messages(int count) => [.. Enumerable.Range(0, count).Select(i => new OutboxMessage
    {
        MessageId = Guid.NewGuid(),
        EventType = "industry.projects.v1.InvestmentReportOverdue",
        Subject = $"projects/p-{i:D5}",
        SubjectVersion = 1,
        Actor = "system",
        OccurTime = new DateTime(2024, 5, 6, 2, 0, 0, DateTimeKind.Utc),
        Body = $"{{\"project\":\"projects/p-{i:D5}\"}}",
    })];

    private async Task<List<(Guid, string, string)>> StoredAsync()
    {
        await using var db = Context();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        return rows.ConvertAll(m => (m.MessageId, m.Subject, m.Body));
    }

    private PostgresProjectsDbContext Context(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PostgresProjectsDbContext>();
        options.UseServiceDatabase(DatabaseProvider.Postgres, _database).AddInterceptors(interceptors);
        return new PostgresProjectsDbContext(options.Options);
    }

    /// <summary>Fails the first save, after the context has taken its events out (as a dropped connection would).</summary>
    private sealed class FailOnce : SaveChangesInterceptor
    {
        private int _saves;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _saves) == 1
                ? throw new InvalidOperationException("The connection dropped.")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
