using Google.Protobuf;
using Industry.ServiceDefaults.Filtering;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>
/// An AIP-132 list method in one call: its request's <c>filter</c>, <c>order_by</c>, <c>page_size</c> and
/// <c>page_token</c> (read by field name, so every list request is served alike) applied to a query by the resource's
/// schemas, one keyset page read, and the token of the next.
/// </summary>
public static class ListPages
{
    public static Task<(List<T> Items, string NextPageToken)> ListAsync<T>(
        this PageTokenCodec tokens, IQueryable<T> query, FilterSchema<T>? filter, SortSchema<T> order, IMessage request, CancellationToken cancellationToken)
    {
        string Text(string field) => request.Descriptor.FindFieldByName(field)?.Accessor.GetValue(request) as string ?? string.Empty;
        var (filterText, orderBy) = (Text("filter"), Text("order_by"));
        var pageSize = PageSize.Normalize((int)request.Descriptor.FindFieldByName("page_size").Accessor.GetValue(request));
        var sort = order.Parse(orderBy);
        if (filter is not null)
        {
            query = filter.Apply(query, filterText);
        }

        return tokens.ReadAsync(query, sort, pageSize, Text("page_token"), Scope(request), cancellationToken);
    }

    /// <summary>
    /// What a page token of <paramref name="request"/> is bound to: its method and every text field that shapes the
    /// result set (parent, filter, order), so that a token continues only the query it was issued for.
    /// </summary>
    public static string Scope(IMessage request) => PageTokenCodec.Scope(
        request.Descriptor.Name[..^"Request".Length],
        [.. request.Descriptor.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == Google.Protobuf.Reflection.FieldType.String && f.Name != "page_token")
            .Select(f => (string)f.Accessor.GetValue(request))]);
}
