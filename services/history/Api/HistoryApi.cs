using Grpc.Core;
using Industry.History.Data;
using Industry.History.Messaging;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.History.V1;

namespace Industry.History.Api;

/// <summary>
/// The history's reads: one record's changes with their diffs, the province's changes, and the replay of the stored
/// events. A city editor sees its own city's records only, in all three (ADR 0038).
/// </summary>
internal sealed partial class HistoryApi(HistoryDbContext db, PageTokenCodec pageTokens, EventLogSignal signal, TimeProvider clock) : Proto.HistoryService.HistoryServiceBase
{
    public override async Task<Proto.ListChangesResponse> ListChanges(Proto.ListChangesRequest request, ServerCallContext context)
    {
        var parent = request.Parent;
        if (RecordName.Problem(parent) is { } problem)
        {
            throw ServiceException.InvalidArgument("parent", $"'{Shorten(parent)}' {problem}.");
        }

        var query = Visible(db.Entries.AsNoTracking(), context).Where(e => e.Subject == parent);
        var (page, next) = await pageTokens.ListAsync(query, ChangeListing.RecordFilter, ChangeListing.ByVersion, request, context.CancellationToken);
        var previous = await PreviousStatesAsync(parent, page, context.CancellationToken);
        var changes = page.Select(entry =>
        {
            var change = entry.ToChange();
            change.FieldChanges.AddRange(entry.Diff(previous[entry]).Select(d => d.ToProto()));
            return change;
        });

        return new() { Changes = { changes }, NextPageToken = next };
    }

    public override async Task<Proto.SearchChangesResponse> SearchChanges(Proto.SearchChangesRequest request, ServerCallContext context)
    {
        var query = Visible(db.Entries.AsNoTracking(), context);
        var (page, next) = await pageTokens.ListAsync(query, ChangeListing.SearchFilter, ChangeListing.ByTime, request, context.CancellationToken);
        return new() { Changes = { page.Select(e => e.ToChange()) }, NextPageToken = next };
    }

    /// <summary>
    /// For each entry of the page, the state of the record's nearest earlier version that carries one, whatever the
    /// filter: the diff is against the record as it was, not against the previous change the page shows. One query for
    /// the whole page, read newest first from the page's newest version down only as far as its oldest entry needs.
    /// </summary>
    private async Task<Dictionary<HistoryEntry, System.Text.Json.Nodes.JsonObject?>> PreviousStatesAsync(string subject, List<HistoryEntry> page, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<HistoryEntry, System.Text.Json.Nodes.JsonObject?>(ReferenceEqualityComparer.Instance);
        if (page.Count == 0)
        {
            return previous;
        }

        var newestFirst = page.OrderByDescending(e => e.SubjectVersion).ToList();
        var earlier = db.Entries.AsNoTracking()
            .Where(e => e.Subject == subject && e.SubjectVersion < newestFirst[0].SubjectVersion)
            .OrderByDescending(e => e.SubjectVersion)
            .AsAsyncEnumerable();
        await using var candidates = earlier.GetAsyncEnumerator(cancellationToken);
        (long Version, System.Text.Json.Nodes.JsonObject? State)? candidate = null;
        var exhausted = false;
        foreach (var entry in newestFirst)
        {
            // Move down until a version below this entry's that carries a state; it may serve the older entries too.
            while (!exhausted && (candidate is null || candidate.Value.Version >= entry.SubjectVersion || candidate.Value.State is null))
            {
                exhausted = !await candidates.MoveNextAsync();
                candidate = exhausted ? null : (candidates.Current.SubjectVersion, candidates.Current.State());
            }

            previous[entry] = candidate?.State;
        }

        return previous;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>Every entry for most readers; a city editor's own city's only (entries without a city are not its city's).</summary>
    internal static IQueryable<HistoryEntry> Visible(IQueryable<HistoryEntry> entries, ServerCallContext context)
    {
        var caller = context.Caller();
        if (caller.IsCityEditor)
        {
            var city = caller.CityCode!;
            return entries.Where(e => e.CityCode == city);
        }

        return entries;
    }
}
