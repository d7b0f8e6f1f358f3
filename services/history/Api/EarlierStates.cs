using System.Text.Json.Nodes;
using Industry.History.Data;
using Microsoft.EntityFrameworkCore;

namespace Industry.History.Api;

/// <summary>
/// What each change of a <c>ListChanges</c> page is diffed against: the state of the record's nearest earlier version
/// that carries one, whatever the filter, so the diff is against the record as it was, not against the previous change
/// the page shows. Every body is parsed once (the page's own states serve as earlier states of its newer entries), and
/// the database is asked only for the record's rows that are not on the page, newest first, as far as the walk needs:
/// for an unfiltered page (every row between its newest and oldest version is on it) only the rows below its oldest,
/// and none when that is version 1 (versions start at 1, docs/events.md).
/// </summary>
internal static class EarlierStates
{
    public static async Task<(Dictionary<HistoryEntry, JsonObject?> Current, Dictionary<HistoryEntry, JsonObject?> Previous)> ReadAsync(
        HistoryDbContext db, string subject, List<HistoryEntry> page, bool pageHoldsEveryVersionInItsRange, CancellationToken cancellationToken)
    {
        var current = new Dictionary<HistoryEntry, JsonObject?>(ReferenceEqualityComparer.Instance);
        var previous = new Dictionary<HistoryEntry, JsonObject?>(ReferenceEqualityComparer.Instance);
        if (page.Count == 0)
        {
            return (current, previous);
        }

        var newestFirst = page.OrderByDescending(e => e.SubjectVersion).ToList();
        newestFirst.ForEach(e => current[e] = e.State());
        var below = pageHoldsEveryVersionInItsRange ? newestFirst[^1].SubjectVersion : newestFirst[0].SubjectVersion;
        var positions = page.Select(e => e.Position).ToList();
        var others = db.Entries.AsNoTracking()
            .Where(e => e.Subject == subject && e.SubjectVersion < below && !positions.Contains(e.Position))
            .OrderByDescending(e => e.SubjectVersion)
            .Select(e => new { e.SubjectVersion, e.Body });
        IAsyncEnumerator<(long Version, JsonObject? State)>? rows = null;
        (long Version, JsonObject? State)? row = null;
        var rowsDone = below <= 1;
        try
        {
            var next = 0; // the next page entry that may serve as an earlier state
            foreach (var entry in newestFirst)
            {
                JsonObject? found = null;
                while (true)
                {
                    while (next < newestFirst.Count && newestFirst[next].SubjectVersion >= entry.SubjectVersion)
                    {
                        next++;
                    }

                    // Rows off the page lie between the page's entries only when the page is filtered; otherwise they
                    // are all below it and are read once the page's own entries run out.
                    while (!rowsDone && (row is null || row.Value.Version >= entry.SubjectVersion)
                        && (!pageHoldsEveryVersionInItsRange || next == newestFirst.Count))
                    {
                        rows ??= others.AsAsyncEnumerable()
                            .Select(r => (r.SubjectVersion, EventFacts.State(JsonNode.Parse(r.Body) as JsonObject ?? new JsonObject(), subject)))
                            .GetAsyncEnumerator(cancellationToken);
                        rowsDone = !await rows.MoveNextAsync();
                        row = rowsDone ? null : rows.Current;
                    }

                    var fromPage = next < newestFirst.Count ? newestFirst[next] : null;
                    if (fromPage is not null && (row is null || fromPage.SubjectVersion >= row.Value.Version))
                    {
                        if (current[fromPage] is { } state)
                        {
                            found = state;
                            break;
                        }

                        next++;
                    }
                    else if (row is not null)
                    {
                        if (row.Value.State is { } state)
                        {
                            found = state;
                            break;
                        }

                        row = null;
                    }
                    else
                    {
                        break;
                    }
                }

                previous[entry] = found;
            }
        }
        finally
        {
            if (rows is not null)
            {
                await rows.DisposeAsync();
            }
        }

        return (current, previous);
    }
}
