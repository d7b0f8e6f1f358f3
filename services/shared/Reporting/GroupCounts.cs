using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Reporting;

/// <summary>Statistics by category: how many rows fall in each group, counted by the database in one GROUP BY statement.</summary>
public static class GroupCounts
{
    /// <summary>The count of <paramref name="rows"/> per <paramref name="key"/>; a key without rows is absent.</summary>
    public static Task<Dictionary<TKey, int>> CountByAsync<T, TKey>(this IQueryable<T> rows, Expression<Func<T, TKey>> key, CancellationToken cancellationToken)
        where TKey : notnull =>
        rows.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
