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
        var unfiltered = string.IsNullOrWhiteSpace(request.Filter) && !context.Caller().IsCityEditor;
        var (current, previous) = await EarlierStates.ReadAsync(db, parent, page, unfiltered, context.CancellationToken);
        var changes = page.Select(entry =>
        {
            var change = entry.ToChange();
            change.FieldChanges.AddRange(entry.Diff(previous[entry], current[entry]).Select(d => d.ToProto()));
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
