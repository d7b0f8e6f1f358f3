using System.Collections.Concurrent;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Industry.Benchmarks;

/// <summary>The benchmark service's database: nothing but the outbox and inbox tables.</summary>
internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

/// <summary>
/// A consumer of <c>PlanUpdated</c> on the real inbox base class, with an empty handler, so what is measured is the
/// backbone itself. It re-implements <see cref="IConsumer{T}"/> only to note the time after the base class has
/// committed the inbox transaction.
/// </summary>
internal sealed class BenchPlanConsumer(DbContext db, TimeProvider clock, ILogger<BenchPlanConsumer> logger, CommitLog commits)
    : InboxConsumer<PlanUpdated>(db, clock, logger), IConsumer<PlanUpdated>
{
    protected override string ConsumerName => "benchmark-plan";

    public new async Task Consume(ConsumeContext<PlanUpdated> context)
    {
        await base.Consume(context);
        var committed = DateTime.UtcNow;
        var metadata = context.Message.Metadata;
        commits.Record(Guid.Parse(metadata.EventId), metadata.OccurTime.ToDateTime(), committed);
    }

    protected override Task HandleAsync(PlanUpdated message, EventMetadata metadata, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Inbox commits seen by <see cref="BenchPlanConsumer"/>: one latency per distinct event of the current phase.</summary>
internal sealed class CommitLog
{
    private Phase _phase = new(0);

    public Phase Begin(int expected)
    {
        var phase = new Phase(expected);
        Volatile.Write(ref _phase, phase);
        return phase;
    }

    public void Record(Guid eventId, DateTime occurTime, DateTime commitTime) => Volatile.Read(ref _phase).Record(eventId, occurTime, commitTime);

    internal sealed class Phase(int expected)
    {
        private readonly ConcurrentDictionary<Guid, double> _latencies = new();
        private long _firstCommitTicks = long.MaxValue;
        private long _lastCommitTicks;
        private int _count; // ConcurrentDictionary.Count takes every lock of the dictionary: too dear per message

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public DateTime FirstCommit => new(Interlocked.Read(ref _firstCommitTicks), DateTimeKind.Utc);

        public DateTime LastCommit => new(Interlocked.Read(ref _lastCommitTicks), DateTimeKind.Utc);

        public IEnumerable<double> Latencies => _latencies.Values;

        public void Record(Guid eventId, DateTime occurTime, DateTime commitTime)
        {
            if (!_latencies.TryAdd(eventId, (commitTime - occurTime).TotalMilliseconds))
            {
                return;
            }

            long seen;
            do
            {
                seen = Interlocked.Read(ref _lastCommitTicks);
            }
            while (commitTime.Ticks > seen && Interlocked.CompareExchange(ref _lastCommitTicks, commitTime.Ticks, seen) != seen);

            do
            {
                seen = Interlocked.Read(ref _firstCommitTicks);
            }
            while (commitTime.Ticks < seen && Interlocked.CompareExchange(ref _firstCommitTicks, commitTime.Ticks, seen) != seen);

            if (Interlocked.Increment(ref _count) >= expected)
            {
                Done.TrySetResult();
            }
        }
    }
}
