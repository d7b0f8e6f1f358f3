using Industry.ServiceDefaults.Filtering;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>Keyset pagination (AIP-158, ADR 0005) of a list method, in SQL, never by OFFSET.</summary>
public static class KeysetPage
{
    /// <summary>
    /// One page: <paramref name="query"/> (already filtered) continued after the token's row, in <paramref name="order"/>,
    /// reading one row more than the page to learn whether another follows; the next token (empty on the last page) holds
    /// the page's last row's keys, bound to <paramref name="scope"/>.
    /// </summary>
    public static async Task<(List<T> Items, string NextPageToken)> ReadAsync<T>(
        this PageTokenCodec tokens, IQueryable<T> query, SortOrder<T> order, int pageSize, string pageToken, string scope, CancellationToken cancellationToken)
    {
        if (pageToken.Length > 0)
        {
            query = order.After(query, tokens.Decode(pageToken, scope));
        }

        var rows = await order.Apply(query).Take(pageSize + 1).ToListAsync(cancellationToken);
        if (rows.Count <= pageSize)
        {
            return (rows, string.Empty);
        }

        rows.RemoveAt(pageSize);
        return (rows, tokens.Encode(scope, order.TokenKeys(rows[^1])));
    }
}
