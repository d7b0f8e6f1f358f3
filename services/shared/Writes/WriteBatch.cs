using Industry.ServiceDefaults.Api;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// An AIP-233 batch method as one write: its items applied in order inside the handler, and saved by the pipeline's one
/// save with their events, so that either every item is stored or none is. An item's error fails the whole call and
/// names the item, as <see cref="BatchItems"/> words it.
/// </summary>
public static class WriteBatch
{
    /// <summary>
    /// Applies every item with <paramref name="apply"/>, in order. Change detection is off meanwhile (the pipeline's
    /// save runs it once): before each query it would scan every entity the batch has tracked so far, for every item.
    /// </summary>
    public static async Task<List<TResult>> EachAsync<TItem, TResult>(DbContext db, IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> apply)
    {
        BatchItems.RequireCount(items.Count);
        var results = new List<TResult>(items.Count);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                results.Add(await BatchItems.ItemAsync(i, () => apply(item)));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return results;
    }
}
