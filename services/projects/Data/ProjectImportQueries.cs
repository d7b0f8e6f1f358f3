using Industry.Projects.Domain;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>The one look-up an import batch needs.</summary>
internal static class ProjectImportQueries
{
    /// <summary>
    /// The stored projects (tracked, to be revised) that have one of <paramref name="codes"/> or one of
    /// <paramref name="ids"/> (the ids new rows would take), in one query over the unique code index and the key:
    /// one round trip per batch instead of one per row.
    /// </summary>
    public static Task<List<Project>> ForImportAsync(this ProjectsDbContext db, IReadOnlyCollection<string> codes, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Projects.Where(p => codes.Contains(p.ProjectCode) || ids.Contains(p.Id)).ToListAsync(cancellationToken);
}
