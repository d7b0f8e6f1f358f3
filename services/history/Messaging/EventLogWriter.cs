using System.Threading.Channels;
using Industry.History.Data;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Messaging.Wire;
using Microsoft.EntityFrameworkCore;

namespace Industry.History.Messaging;

/// <summary>
/// The one writer of the history (ADR 0038): deliveries from every queue wait here and are stored together, a group per
/// transaction, under a database-wide lock, so positions are committed in the order they are assigned and a replay that
/// resumes after position p can never miss a p' &lt; p committed later. An event id already stored (in
/// <c>history_event_ids</c>, whose primary key stands behind the check), or twice in the group, is stored once; a
/// snapshot of a version already held is not stored at all; each delivery is acknowledged only after its group
/// commits. The group's store time is read under the lock too, so store times grow with positions and a month's
/// partition holds one range of positions (ADR 0043), which is what lets an archived month end at one position.
/// </summary>
internal sealed partial class EventLogWriter(
    IServiceScopeFactory scopes, DatabaseInfo database, MonthPartitions partitions, EventLogSignal signal, TimeProvider clock, ILogger<EventLogWriter> logger)
    : BackgroundService
{
    /// <summary>The two-key advisory lock (space, key) the writers of all replicas take: "HIST", 1.</summary>
    private const int LockSpace = 0x48495354;
    private const int LockKey = 1;
    private const int MaxGroup = 500;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task StoreAsync(HistoryEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The history writer has stopped.");
        }

        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            group.Clear();
            while (group.Count < MaxGroup && _pending.Reader.TryRead(out var item))
            {
                group.Add(item);
            }

            try
            {
                var stored = await WriteAsync(group, stoppingToken);
                group.ForEach(p => p.Stored.TrySetResult());
                if (stored > 0)
                {
                    signal.Notify();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogGroupFailed(logger, group.Count, exception);
                group.ForEach(p => p.Stored.TrySetException(exception));
            }
        }
    }

    private async Task<int> WriteAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HistoryDbContext>();
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AdvisoryLock.TakeForTransactionAsync(db, database.Provider, LockSpace, LockKey, shared: false, cancellationToken);
        var storeTime = clock.GetUtcNow().UtcDateTime;
        await partitions.EnsureAsync(db, storeTime, cancellationToken);

        var ids = group.Select(p => p.Entry.EventId).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.EventIds.Where(e => ids.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var latest = await LatestVersionsAsync(db, group, cancellationToken);
        var added = new List<HistoryEntry>(group.Count);
        foreach (var pending in group)
        {
            var entry = pending.Entry;
            if (!known.Add(entry.EventId) || IsCoveredSnapshot(entry, latest))
            {
                continue;
            }

            entry.StoreTime = storeTime;
            added.Add(entry);
            if (latest.TryGetValue(entry.Subject, out var version) && version < entry.SubjectVersion)
            {
                latest[entry.Subject] = entry.SubjectVersion;
            }
        }

        await GroupInsert.AddAsync(db, database.Provider, added, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        partitions.Committed(storeTime);
        return added.Count;
    }

    /// <summary>
    /// The latest version stored of each subject a snapshot of the group is about (0 for a subject without history):
    /// what the group's snapshots are measured against, kept up to date as the group's entries are added.
    /// </summary>
    private static async Task<Dictionary<string, long>> LatestVersionsAsync(HistoryDbContext db, List<Pending> group, CancellationToken cancellationToken)
    {
        var subjects = group.Where(p => IsSnapshot(p.Entry)).Select(p => p.Entry.Subject).Distinct(StringComparer.Ordinal).ToList();
        var latest = subjects.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        if (subjects.Count == 0)
        {
            return latest;
        }

        var stored = await db.Entries.Where(e => subjects.Contains(e.Subject))
            .GroupBy(e => e.Subject)
            .Select(g => new { Subject = g.Key, Version = g.Max(e => e.SubjectVersion) })
            .ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            latest[row.Subject] = row.Version;
        }

        return latest;
    }

    /// <summary>
    /// A snapshot says "this is the state at version v" (ADR 0042): the history keeps it only for a subject it holds no
    /// version v or later of, so a republication adds no second change and no empty diff to a record it already has,
    /// and becomes the first entry of one it has not.
    /// </summary>
    private static bool IsCoveredSnapshot(HistoryEntry entry, Dictionary<string, long> latest) =>
        IsSnapshot(entry) && latest.TryGetValue(entry.Subject, out var version) && version >= entry.SubjectVersion;

    private static bool IsSnapshot(HistoryEntry entry) => EventCatalog.Find(entry.EventType)?.IsSnapshot == true;

    private sealed record Pending(HistoryEntry Entry, TaskCompletionSource Stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a group of {Count} events failed; their deliveries are retried")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception exception);
}
