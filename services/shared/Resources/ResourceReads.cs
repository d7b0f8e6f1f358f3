using Industry.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Resources;

/// <summary>The AIP-131 Get of a resource whose key is its string <c>Id</c>: untracked, NOT_FOUND when absent.</summary>
public static class ResourceReads
{
    /// <param name="set">The resource's table.</param>
    /// <param name="collection">The collection in its name, <c>parks</c>.</param>
    /// <param name="name">The name as the caller sent it.</param>
    /// <param name="field">The request field that holds it, for INVALID_ARGUMENT.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public static async Task<T> GetAsync<T>(this IQueryable<T> set, string collection, string name, string field, CancellationToken cancellationToken)
        where T : class
    {
        var id = ResourceName.Id(name, collection, field);
        return await set.AsNoTracking().SingleOrDefaultAsync(r => EF.Property<string>(r, "Id") == id, cancellationToken)
            ?? throw ServiceException.NotFound(name);
    }
}
