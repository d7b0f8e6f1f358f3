using Google.Protobuf;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.Projects.Messaging;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Reporting;
using Industry.ServiceDefaults.Writes;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The overdue-report reminder job (issue 18 item 6, ADR 0024) in-process, each instance with a service provider of its
/// own as a replica has: exactly one <c>InvestmentReportOverdue</c> per project and month through crashes and restarts,
/// and a month of many projects in batches, on both databases the service runs on (the job records its reminders in
/// SQL of each provider's own).
/// </summary>
public abstract class OverdueReminderJobTests : IAsyncLifetime
{
    private const string OverdueType = "industry.projects.v1.InvestmentReportOverdue";

    /// <summary>23:30 on 6 May 2024 in China: April's deadline (5 May) has passed, May's has not.</summary>
    protected static readonly DateTimeOffset AfterAprilDeadline = new(2024, 5, 6, 15, 30, 0, TimeSpan.Zero);

    private int _serial;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The connection string of a migrated, empty database of <see cref="Provider"/>.</summary>
    protected abstract string ConnectionString { get; }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task Round_AfterTheDeadline_RemindsEachMissingProjectOnce_AndTheNextRoundNothing()
    {
        var missing = await ProjectsAsync(30, new DateOnly(2024, 1, 1));
        var reported = await ProjectsAsync(10, new DateOnly(2024, 1, 1));
        await ReportAsync(reported, new ReportingPeriod(2024, 4));
        await ProjectsAsync(5, new DateOnly(2024, 5, 2)); // started after April: owes nothing for it
        using var replica = Replica(AfterAprilDeadline, batchSize: 7);

        // Catch-up window of 3 months: February, March and April are all overdue for the 40 started on 1 January.
        Assert.Equal(30 + (40 * 2), await replica.Job.RunRoundAsync(CancellationToken.None));
        Assert.Equal(0, await replica.Job.RunRoundAsync(CancellationToken.None));

        var april = await OverdueEventsAsync("2024-04");
        Assert.Equal(missing.Order(StringComparer.Ordinal), april.Select(e => e.Subject["projects/".Length..]).Order(StringComparer.Ordinal));
        Assert.All(april, e => Assert.Equal(new Google.Type.Date { Year = 2024, Month = 5, Day = 5 }, e.Event.Deadline));
        Assert.All(april, e => Assert.Equal((e.Subject, "340100", "340104"), (e.Event.Project, e.Event.CityCode, e.Event.CountyCode)));
        Assert.All(april, e => Assert.Equal(OverdueReminderJob.Actor, e.Actor));
    }

    [Fact]
    public async Task Round_BeforeTheDeadline_RemindsNothingOfThatMonth()
    {
        await ProjectsAsync(3, new DateOnly(2024, 4, 1));
        using var replica = Replica(new DateTimeOffset(2024, 5, 5, 15, 59, 0, TimeSpan.Zero), batchSize: 100); // 23:59 on 5 May in China

        Assert.Equal(0, await replica.Job.RunRoundAsync(CancellationToken.None));
        Assert.Empty(await OverdueEventsAsync("2024-04"));
    }

    [Fact]
    public async Task Crash_MidRound_ThenRestart_RemindsTheRest_NoDuplicateNoGap()
    {
        var missing = await ProjectsAsync(50, new DateOnly(2024, 4, 1));
        using (var crashing = Replica(AfterAprilDeadline, batchSize: 10, failOnSave: 3))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.Job.RunRoundAsync(CancellationToken.None));
        }

        Assert.Equal(20, (await OverdueEventsAsync("2024-04")).Count); // two batches committed, the third rolled back

        using var restarted = Replica(AfterAprilDeadline.AddMinutes(5), batchSize: 10);
        Assert.Equal(30, await restarted.Job.RunRoundAsync(CancellationToken.None));

        var events = await OverdueEventsAsync("2024-04");
        Assert.Equal(missing.Order(StringComparer.Ordinal), events.Select(e => e.Subject["projects/".Length..]).Order(StringComparer.Ordinal));
        await using var db = Context();
        Assert.Equal(50, await db.OverdueReminders.CountAsync(r => r.Year == 2024 && r.Month == 4));
    }

    [Fact]
    public async Task Restart_BetweenRounds_RemindsOnlyWhatBecameOverdue()
    {
        await ProjectsAsync(5, new DateOnly(2024, 4, 1));
        using (var first = Replica(AfterAprilDeadline, batchSize: 100))
        {
            Assert.Equal(5, await first.Job.RunRoundAsync(CancellationToken.None));
        }

        // Down through May's deadline; back on 7 June: May is overdue for the five, April already reminded.
        using var second = Replica(new DateTimeOffset(2024, 6, 7, 2, 0, 0, TimeSpan.Zero), batchSize: 100);
        Assert.Equal(5, await second.Job.RunRoundAsync(CancellationToken.None));
        Assert.Equal(5, (await OverdueEventsAsync("2024-04")).Count);
        Assert.Equal(5, (await OverdueEventsAsync("2024-05")).Count);
    }

    [Fact]
    public async Task MonthOfManyProjects_IsRemindedInBatches_EachOnce()
    {
        var missing = await ProjectsAsync(3000, new DateOnly(2024, 4, 1));
        using var replica = Replica(AfterAprilDeadline, batchSize: 2000);

        // How fast is the projects benchmark's business (docs/benchmarks.md), not a test's.
        Assert.Equal(3000, await replica.Job.RunRoundAsync(CancellationToken.None));
        var events = await OverdueEventsAsync("2024-04");
        Assert.Equal(missing.Order(StringComparer.Ordinal), events.Select(e => e.Subject["projects/".Length..]).Order(StringComparer.Ordinal));
        await using var db = Context();
        var stamped = await db.OverdueReminders.Where(r => r.Year == 2024 && r.Month == 4).Select(r => r.RemindTime).Distinct().ToListAsync();
        Assert.Equal([AfterAprilDeadline.UtcDateTime], stamped);
    }

    protected ProjectsDbContext Context(params IInterceptor[] interceptors)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresProjectsDbContext>();
            postgres.UseServiceDatabase(Provider, ConnectionString).AddInterceptors(interceptors);
            return new PostgresProjectsDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteProjectsDbContext>();
        sqlite.UseServiceDatabase(Provider, ConnectionString).AddInterceptors(interceptors);
        return new SqliteProjectsDbContext(sqlite.Options);
    }

    /// <summary>A replica of the service as far as the job needs: its own clock, scopes and database contexts.</summary>
    private protected ReplicaHost Replica(DateTimeOffset now, int batchSize, int failOnSave = 0)
    {
        var clock = new FixedClock(now);
        var services = new ServiceCollection();
        var saves = new FailingSave(failOnSave);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new ServiceIdentity("projects"));
        services.AddSingleton(new DatabaseInfo(Provider));
        services.AddScoped<ProjectsDbContext>(_ => Context(saves));
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<ProjectsDbContext>());
        services.AddScoped<EventOutbox>().AddScoped<RequestIdempotency>().AddScoped<WritePipeline>().AddScoped<OverdueReminderWrites>();
        var provider = services.BuildServiceProvider();
        var options = new OverdueReminderOptions { BatchSize = batchSize, CatchUpMonths = 3 };
        var job = new OverdueReminderJob(provider.GetRequiredService<IServiceScopeFactory>(), options, clock, NullLogger<OverdueReminderJob>.Instance);
        return new ReplicaHost(job, provider);
    }

    /// <summary>Projects started on <paramref name="start"/>, stored directly (the API's rules have tests of their own); returns their ids.</summary>
    protected async Task<List<string>> ProjectsAsync(int count, DateOnly start)
    {
        await using var db = Context();
        var ids = new List<string>();
        var now = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var serial = Interlocked.Increment(ref _serial);
            var project = Project.Create($"p-{start:yyyyMMdd}-{serial:D6}", new ProjectDraft
            {
                DisplayName = "技改项目",
                ProjectCode = $"2024-340104-39-03-{serial:D6}",
                EnterpriseUscc = "91340000711771143J",
                EnterpriseDisplayName = "某电子信息有限公司",
                CountyCode = "340104",
                Industry = "IT",
                Gbt4754Class = "C3971",
                Nature = ProjectNature.NewBuild,
                TotalInvestmentYuan = 300_000_000,
            }, new DateOnly(2023, 12, 1), now, "test");
            project.Transition(ProjectState.UnderConstruction, start, start, string.Empty, now, "test");
            db.Projects.Add(project);
            ids.Add(project.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private async Task ReportAsync(IEnumerable<string> projectIds, ReportingPeriod period)
    {
        await using var db = Context();
        var now = new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Utc);
        db.InvestmentReports.AddRange(projectIds.Select(id => new InvestmentReport(id, period.Year, period.Month, 1_000_000, string.Empty, needsReview: false, now, "test")));
        await db.SaveChangesAsync();
    }

    protected async Task<List<OverdueEvent>> OverdueEventsAsync(string period)
    {
        await using var db = Context();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventType == OverdueType).ToListAsync();
        return [.. rows
            .Select(r => new OverdueEvent(r.Subject, r.Actor, JsonParser.Default.Parse<Industry.Projects.V1.InvestmentReportOverdue>(r.Body)))
            .Where(e => e.Event.Period == period)];
    }

    protected sealed record OverdueEvent(string Subject, string Actor, Industry.Projects.V1.InvestmentReportOverdue Event);

    private protected sealed record ReplicaHost(OverdueReminderJob Job, ServiceProvider Provider) : IDisposable
    {
        public void Dispose() => Provider.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>
    /// Fails the <paramref name="failOn"/>th save of the replica that raises reminders (0: none; a month with nothing to
    /// remind saves nothing), as a crash between two batches would end its round.
    /// </summary>
    private sealed class FailingSave(int failOn) : SaveChangesInterceptor
    {
        private int _saves;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            failOn > 0 && eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any() && Interlocked.Increment(ref _saves) == failOn
                ? throw new InvalidOperationException("The replica crashed.")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>The job on PostgreSQL, where replicas run side by side and take turns on the job's lock.</summary>
public sealed class OverdueReminderJobPostgresTests : OverdueReminderJobTests
{
    private BrokerAndDatabase _infrastructure = null!;
    private string _database = string.Empty;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => _database;

    public override async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _database = await _infrastructure.CreateDatabaseAsync("overdue_reminders");
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public override async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task TwoReplicas_AtOnce_RaiseEachReminderExactlyOnce()
    {
        var missing = await ProjectsAsync(400, new DateOnly(2024, 4, 1));
        using var one = Replica(AfterAprilDeadline, batchSize: 25);
        using var two = Replica(AfterAprilDeadline, batchSize: 25);

        async Task<int> RoundsAsync(OverdueReminderJob job)
        {
            var raised = 0;
            for (var i = 0; i < 20; i++)
            {
                raised += await job.RunRoundAsync(CancellationToken.None);
            }

            return raised;
        }

        var raised = await Task.WhenAll(RoundsAsync(one.Job), RoundsAsync(two.Job));
        raised[0] += await one.Job.RunRoundAsync(CancellationToken.None); // whatever a busy round left

        Assert.Equal(400, raised.Sum());
        var events = await OverdueEventsAsync("2024-04");
        Assert.Equal(400, events.Count);
        Assert.Equal(missing.Order(StringComparer.Ordinal), events.Select(e => e.Subject["projects/".Length..]).Order(StringComparer.Ordinal));
    }
}

/// <summary>The job on SQLite (the local run's database), one replica.</summary>
public sealed class OverdueReminderJobSqliteTests : OverdueReminderJobTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"overdue-reminders-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_path}";

    public override async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }
}
