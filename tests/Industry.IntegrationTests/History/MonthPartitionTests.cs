using Industry.History.Data;
using Industry.History.Domain;
using Industry.History.Messaging;
using Industry.ServiceDefaults.Data;
using Industry.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Industry.IntegrationTests.History;

/// <summary>
/// The history's month partitions on PostgreSQL (ADR 0043): the migration from the unpartitioned table keeps every row
/// and position, and the writer creates a month's partition before its first insert and keeps event ids unique across
/// months without a unique index.
/// </summary>
public sealed class MonthPartitionTests : IAsyncLifetime
{
    private const string InitialMigration = "20261207103854_Initial";

    private BrokerAndDatabase _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task Migrate_UnpartitionedTableWithRows_KeepsEveryRowAndPositionAndContinuesTheSequence()
    {
        var database = new HistoryDatabase(await _infrastructure.CreateDatabaseAsync("history_migrate"));
        await database.MigrateAsync(InitialMigration);
        var march = new DateTime(2025, 3, 10, 8, 0, 0, DateTimeKind.Utc);
        var first = await database.InsertAsync("projects/p-1", 1, march);
        var second = await database.InsertAsync("projects/p-1", 2, march.AddMonths(1));
        var third = await database.InsertAsync("projects/p-2", 1, march.AddMonths(1).AddDays(10));

        await database.MigrateAsync();

        Assert.Equal("p", await database.ScalarAsync<string>("SELECT relkind::text FROM pg_class WHERE relname = 'history_entries'"));
        var partitions = await database.PartitionsAsync();
        Assert.Contains("history_entries_2025_03", partitions);
        Assert.Contains("history_entries_2025_04", partitions);
        Assert.Contains("history_entries_2025_05", partitions); // no hole between the oldest row's month and now
        Assert.Contains(HistoryDatabase.PartitionOf(HistoryDatabase.MonthsAgo(-1)), partitions); // next month, made ahead
        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM history_entries"));
        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM history_event_ids")); // the duplicate check's table knows them
        Assert.Equal("projects/p-1:2", await database.ScalarAsync<string>(
            "SELECT subject || ':' || subject_version FROM history_entries WHERE position = @p0 AND store_time = @p1", second, march.AddMonths(1)));
        Assert.Equal(new[] { 1L, 2L, 3L }, new[] { first, second, third });

        var next = await database.InsertAsync("projects/p-3", 1, DateTime.UtcNow);

        Assert.Equal(third + 1, next);
    }

    [Fact]
    public async Task Writer_StoreTimeInAMonthWithoutPartition_CreatesThatMonthAndTheNextBeforeInserting()
    {
        var database = new HistoryDatabase(await _infrastructure.CreateDatabaseAsync("history_months"));
        await database.MigrateAsync();
        var clock = new SettableClock(new DateTimeOffset(2031, 7, 15, 9, 30, 0, TimeSpan.Zero));
        Assert.DoesNotContain("history_entries_2031_07", await database.PartitionsAsync());

        await using (var writer = await RunningWriter.StartAsync(database, clock))
        {
            await writer.Writer.StoreAsync(Entry("projects/p-1", 1, "5d0f0c36-8f6e-4c25-9f1f-000000000001"), CancellationToken.None);
        }

        Assert.Equal("history_entries_2031_07", await database.ScalarAsync<string>(
            "SELECT tableoid::regclass::text FROM history_entries WHERE event_id = '5d0f0c36-8f6e-4c25-9f1f-000000000001'"));
        Assert.Contains("history_entries_2031_08", await database.PartitionsAsync());
    }

    [Fact]
    public async Task Writer_SameEventIdRedeliveredInTheNextMonth_IsStoredOnce()
    {
        var database = new HistoryDatabase(await _infrastructure.CreateDatabaseAsync("history_dedupe"));
        await database.MigrateAsync();
        var clock = new SettableClock(new DateTimeOffset(2031, 7, 31, 23, 59, 0, TimeSpan.Zero));
        const string Redelivered = "5d0f0c36-8f6e-4c25-9f1f-000000000002";
        const string Later = "5d0f0c36-8f6e-4c25-9f1f-000000000003";

        await using (var writer = await RunningWriter.StartAsync(database, clock))
        {
            await writer.Writer.StoreAsync(Entry("projects/p-1", 1, Redelivered), CancellationToken.None);
            clock.Now = clock.Now.AddMinutes(2); // August: another partition, where no unique index sees July's row
            await writer.Writer.StoreAsync(Entry("projects/p-1", 1, Redelivered), CancellationToken.None);
            await writer.Writer.StoreAsync(Entry("projects/p-1", 2, Later), CancellationToken.None);
        }

        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM history_entries WHERE event_id = @p0", Redelivered));
        Assert.Equal("history_entries_2031_07", await database.ScalarAsync<string>("SELECT tableoid::regclass::text FROM history_entries WHERE event_id = @p0", Redelivered));
        Assert.Equal("history_entries_2031_08", await database.ScalarAsync<string>("SELECT tableoid::regclass::text FROM history_entries WHERE event_id = @p0", Later));
        Assert.True(await database.ScalarAsync<bool>(
            "SELECT (SELECT position FROM history_entries WHERE event_id = @p0) < (SELECT position FROM history_entries WHERE event_id = @p1)", Redelivered, Later));
    }

    private static HistoryEntry Entry(string subject, long version, string eventId) => new()
    {
        EventId = eventId,
        EventType = "industry.projects.v1.ProjectUpdated",
        Source = "test",
        Subject = subject,
        SubjectVersion = version,
        Actor = "tester",
        OccurTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        StoreTime = DateTime.UnixEpoch, // the writer's clock decides
        ResourceType = "projects",
        CityCode = "340100",
        CountyCode = "340102",
        Body = "{}",
    };

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The history's one writer on a test database, wired as the service wires it, with a clock of the test's.</summary>
    private sealed class RunningWriter(ServiceProvider services, EventLogWriter writer) : IAsyncDisposable
    {
        public EventLogWriter Writer => writer;

        public static async Task<RunningWriter> StartAsync(HistoryDatabase database, TimeProvider clock)
        {
            var services = new ServiceCollection()
                .AddSingleton(new DatabaseInfo(DatabaseProvider.Postgres))
                .AddSingleton<MonthPartitions>()
                .AddSingleton<EventLogSignal>()
                .AddSingleton(clock)
                .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
                .AddScoped<HistoryDbContext>(_ => database.Context())
                .AddSingleton<EventLogWriter>()
                .BuildServiceProvider();
            var writer = services.GetRequiredService<EventLogWriter>();
            await writer.StartAsync(CancellationToken.None);
            return new RunningWriter(services, writer);
        }

        public async ValueTask DisposeAsync()
        {
            await writer.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}
