using System.Globalization;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>
/// AIP-158 pages over a fixed, ordered in-memory list (reference data: industries, divisions, enum labels): the position
/// of the next item is the keyset, signed into the token like every other list's keys.
/// </summary>
public static class PositionPages
{
    /// <summary>The page of <paramref name="items"/> that <paramref name="pageToken"/> points at, and the token of the next.</summary>
    public static (List<T> Page, string NextPageToken) Page<T>(
        this PageTokenCodec tokens, IReadOnlyList<T> items, int requestedPageSize, string pageToken, string scope)
    {
        var pageSize = PageSize.Normalize(requestedPageSize);
        var start = string.IsNullOrEmpty(pageToken)
            ? 0
            : tokens.Decode(pageToken, scope, keys =>
                keys.Count == 1 && int.TryParse(keys[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                    && position <= items.Count ? position : (int?)null);
        var page = items.Skip(start).Take(pageSize).ToList();
        var next = start + page.Count < items.Count
            ? tokens.Encode(scope, [(start + page.Count).ToString(CultureInfo.InvariantCulture)])
            : string.Empty;
        return (page, next);
    }
}
