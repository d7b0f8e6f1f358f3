using Industry.Common.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Writes;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Snapshots;

/// <summary>
/// <c>RepublishState</c> of every domain service (ADR 0042): raises a <c>…Snapshot</c> event of every resource of the
/// selected types at its current version, paging each table by its key in batches of
/// <see cref="OutboxOptions.SnapshotBatchSize"/> rows, one transaction per batch. Runs inside the write pipeline, so a
/// repeated <c>request_id</c> answers the first counts and raises nothing; a call cut short is simply run again (a
/// snapshot at a version a consumer has is ignored).
/// </summary>
public sealed class StateRepublisher(DbContext db, EventOutbox outbox, OutboxOptions options)
{
    private const string Field = "resource_types";

    /// <summary>
    /// Raises the snapshots of <paramref name="sources"/> whose resource type is in <paramref name="resourceTypes"/>
    /// (all when empty) as <paramref name="write"/>'s actor; INVALID_ARGUMENT, before raising any, for a type the
    /// service does not own.
    /// </summary>
    public async Task<IReadOnlyList<RepublishedType>> RepublishAsync(Write write, IReadOnlyList<SnapshotSource> sources, IReadOnlyList<string> resourceTypes)
    {
        var known = sources.Select(s => s.ResourceType).ToHashSet(StringComparer.Ordinal);
        var unknown = resourceTypes.Select((type, index) => (type, index)).Where(t => !known.Contains(t.type)).ToList();
        if (unknown.Count > 0)
        {
            throw ServiceException.InvalidArgument([.. unknown.Select(t => new FieldViolation(
                $"{Field}[{t.index}]",
                $"'{(t.type.Length <= 80 ? t.type : t.type[..80] + "…")}' is not a resource type of this service; it has {string.Join(", ", known.Order(StringComparer.Ordinal))}."))]);
        }

        var batches = new SnapshotBatches(db, outbox, write.Actor, Math.Max(1, options.SnapshotBatchSize));
        var counts = new List<RepublishedType>();
        foreach (var source in sources.Where(s => resourceTypes.Count == 0 || resourceTypes.Contains(s.ResourceType, StringComparer.Ordinal)))
        {
            counts.Add(new RepublishedType { ResourceType = source.ResourceType, SnapshotCount = await source.RaiseAsync(batches, write.CancellationToken) });
        }

        return counts;
    }
}
