using Industry.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Industry.ServiceDefaults.Resources;

/// <summary>The AIP-131 Get of a resource whose key is its string <c>Id</c>: untracked, NOT_FOUND when absent.</summary>
public static class ResourceReads
{
    /// <param name="set">The resource's table.</param>
    /// <param name="collection">The collection in its name, <c>parks</c>.</param>
    /// <param name="name">The name as the caller sent it.</param>
    /// <param name="field">The request field that holds it, for INVALID_ARGUMENT.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public static async Task<T> GetAsync<T>(this DbSet<T> set, string collection, string name, string field, CancellationToken cancellationToken)
        where T : class
    {
        var id = ResourceName.Id(name, collection, field);
        return await ById<T>.Query(set.GetService<ICurrentDbContext>().Context, id, cancellationToken)
            ?? throw ServiceException.NotFound(name);
    }

    /// <summary>
    /// Compiled once per resource type: the hottest read of every service skips EF Core's per-call parameter
    /// extraction and query-cache lookup (ADR 0033). EF Core recompiles it if a context of another model runs it.
    /// </summary>
    private static class ById<T>
        where T : class
    {
        public static readonly Func<DbContext, string, CancellationToken, Task<T?>> Query =
            EF.CompileAsyncQuery((DbContext db, string id, CancellationToken _) =>
                db.Set<T>().AsNoTracking().SingleOrDefault(r => EF.Property<string>(r, "Id") == id));
    }
}
