using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Industry.ServiceDefaults.Messaging.Wire;
using Industry.ServiceDefaults.Writes;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Snapshots;

/// <summary>
/// One resource type a service republishes as <c>…Snapshot</c> events (ADR 0042): the rows (a query of its table,
/// with what the mapping needs included) and how a batch of them becomes snapshots. The service declares it; the
/// paging, the batches and their transactions are <see cref="StateRepublisher"/>'s. The resource type is the one the
/// snapshot's resource message declares (<c>google.api.resource</c>), so the selector's values come from the contracts.
/// </summary>
public abstract class SnapshotSource
{
    private protected SnapshotSource(EventType snapshotEvent)
    {
        if (!snapshotEvent.IsSnapshot)
        {
            throw new InvalidOperationException($"{snapshotEvent.FullName} is not a snapshot event (…Snapshot).");
        }

        SnapshotEvent = snapshotEvent;
        ResourceType = ResourceTypeOf(snapshotEvent.Descriptor);
    }

    /// <summary>The resource type, <c>industry.anhui.gov.cn/Project</c>.</summary>
    public string ResourceType { get; }

    /// <summary>The snapshot event, <c>industry.projects.v1.ProjectSnapshot</c>.</summary>
    public EventType SnapshotEvent { get; }

    /// <summary>A resource that is its own subject at its own version: every row maps to one snapshot by <paramref name="map"/>.</summary>
    public static SnapshotSource Of<TEntity, TEvent>(IQueryable<TEntity> rows, Func<TEntity, TEvent> map)
        where TEntity : VersionedResource
        where TEvent : IMessage<TEvent> =>
        new SnapshotSource<TEntity, TEvent>(rows, (batch, _) => Task.FromResult<IReadOnlyList<Snapshot>>([.. batch.Select(r => new Snapshot(map(r), r.Name, r.Version))]));

    /// <summary>
    /// A resource whose snapshots need more than its row (a membership at its enterprise's version, a report's growth
    /// against last year's): <paramref name="map"/> turns a whole batch into its snapshots, with one look-up per batch.
    /// </summary>
    public static SnapshotSource Of<TEntity, TEvent>(IQueryable<TEntity> rows, Func<IReadOnlyList<TEntity>, CancellationToken, Task<IReadOnlyList<Snapshot>>> map)
        where TEntity : class
        where TEvent : IMessage<TEvent> =>
        new SnapshotSource<TEntity, TEvent>(rows, map);

    /// <summary>Raises the snapshots of every row, a batch per transaction; returns how many.</summary>
    internal abstract Task<long> RaiseAsync(SnapshotBatches batches, CancellationToken cancellationToken);

    /// <summary>The <c>google.api.resource</c> type of the snapshot's field 2, the resource it carries.</summary>
    private static string ResourceTypeOf(MessageDescriptor snapshot)
    {
        var resource = snapshot.FindFieldByNumber(2)?.MessageType;
        return resource?.GetOptions()?.GetExtension(ResourceExtensions.Resource)?.Type is { Length: > 0 } type
            ? type
            : throw new InvalidOperationException($"{snapshot.FullName} carries no resource with a google.api.resource type as its field 2.");
    }
}

/// <summary>A <see cref="SnapshotSource"/> over the table of <typeparamref name="TEntity"/>, paged by its primary key.</summary>
internal sealed class SnapshotSource<TEntity, TEvent>(IQueryable<TEntity> rows, Func<IReadOnlyList<TEntity>, CancellationToken, Task<IReadOnlyList<Snapshot>>> map)
    : SnapshotSource(EventCatalog.For<TEvent>())
    where TEntity : class
    where TEvent : IMessage<TEvent>
{
    internal override async Task<long> RaiseAsync(SnapshotBatches batches, CancellationToken cancellationToken)
    {
        var key = KeyOrder<TEntity>.Of(batches.Db);
        var raised = 0L;
        object?[]? last = null;
        while (true)
        {
            var (read, snapshots) = await batches.RunAsync(
                async () =>
                {
                    var query = last is null ? rows : key.After(rows, last);
                    var batch = await key.Apply(query).Take(batches.Size).AsNoTracking().ToListAsync(cancellationToken);
                    if (batch.Count == 0)
                    {
                        return (0, Array.Empty<Snapshot>());
                    }

                    last = key.ValuesOf(batch[^1]);
                    return (batch.Count, await map(batch, cancellationToken));
                },
                cancellationToken);
            raised += snapshots;
            if (read < batches.Size)
            {
                return raised;
            }
        }
    }
}
