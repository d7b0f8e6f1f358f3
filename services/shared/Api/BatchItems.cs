using Industry.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Api;

/// <summary>
/// AIP-233 batch methods: the items of one call are applied in order on one DbContext, as one write of the write
/// pipeline, and saved by its one <c>SaveChanges</c> (one transaction), so that either every item and its event are stored or nothing is. An item's
/// error fails the whole call and names the item (<c>requests[3].enterprise.uscc</c>).
/// </summary>
public static class BatchItems
{
    /// <summary>Items in one call at most: a batch is one transaction, and its response must stay small enough to send.</summary>
    public const int MaxItems = 1000;

    /// <summary>INVALID_ARGUMENT on <c>requests</c> unless there are 1 to <see cref="MaxItems"/> items.</summary>
    public static void RequireCount(int count)
    {
        if (count is < 1 or > MaxItems)
        {
            throw ServiceException.InvalidArgument("requests", $"must hold 1 to {MaxItems} items; it holds {count}.");
        }
    }

    /// <summary>
    /// Applies every item with <paramref name="apply"/>, in order, without saving: within a write of the pipeline, which
    /// saves them all with their events. Change detection runs once, at the save, rather than before each of the items'
    /// queries (it would scan every entity the batch has tracked so far, for every item); the items' steps read what
    /// they need through queries and the identity map.
    /// </summary>
    public static async Task<List<TResult>> EachAsync<TItem, TResult>(DbContext db, IReadOnlyList<TItem> items, Func<TItem, int, Task<TResult>> apply)
    {
        RequireCount(items.Count);
        var results = new List<TResult>(items.Count);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                results.Add(await ItemAsync(i, () => apply(items[i], i)));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return results;
    }

    /// <summary>The item's error, its field violations and message prefixed with <c>requests[i]</c> (precondition subjects are resource names, left alone).</summary>
    private static async Task<T> ItemAsync<T>(int index, Func<Task<T>> apply)
    {
        try
        {
            return await apply();
        }
        catch (ServiceException e)
        {
            var prefix = $"requests[{index}]";
            var metadata = new Dictionary<string, string>(e.Metadata) { ["request_index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            throw new ServiceException(
                e.Kind,
                e.Reason,
                $"{prefix}: {e.Message}",
                metadata,
                [.. e.FieldViolations.Select(v => v with { Field = $"{prefix}.{v.Field}" })],
                e.PreconditionViolations);
        }
    }

    /// <summary>
    /// An item's parent: its own, or the batch's when the item leaves it empty; INVALID_ARGUMENT when both are set and
    /// differ (AIP-233). Called within an item's step, so that its error names the item. <paramref name="batchParent"/> ending in <c>/-</c> names no parent.
    /// </summary>
    public static string Parent(string batchParent, string itemParent)
    {
        var any = batchParent.EndsWith("/-", StringComparison.Ordinal);
        if (itemParent.Length == 0)
        {
            return any ? throw ServiceException.InvalidArgument("parent", "is required when the batch's parent is '-'.") : batchParent;
        }

        if (!any && itemParent != batchParent)
        {
            throw ServiceException.InvalidArgument("parent", $"must be the batch's parent {batchParent} (or empty).");
        }

        return itemParent;
    }
}
