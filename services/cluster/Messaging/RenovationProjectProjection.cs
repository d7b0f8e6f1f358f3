using Industry.Clusters.Data;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Messaging;

/// <summary>
/// Keeps one <see cref="RenovationProject"/> row per project from the project events: the row takes the project as the
/// event carries it (its cluster, state, tier and investment), or goes when the project is deleted. A project moving to
/// another cluster, or losing its cluster, moves its row's figures with it. A cluster this service does not know is
/// kept as given and logged, not refused: the projects service checked it when it was set, so it is a cluster deleted
/// since or not yet seen here, and its projects count as soon as it exists.
/// </summary>
internal static partial class RenovationProjectProjection
{
    private const string ProjectCollection = "projects/";
    private const string ClusterCollection = Cluster.Collection + "/";

    public static async Task ApplyAsync(ClusterDbContext db, Project project, long version, bool removes, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        if (project is null || !project.Name.StartsWith(ProjectCollection, StringComparison.Ordinal) || project.Name.Length == ProjectCollection.Length)
        {
            throw new InvalidEventException($"The event's project has no name 'projects/{{id}}' (got '{project?.Name}').");
        }

        var id = project.Name[ProjectCollection.Length..];

        // Find looks at the rows this transaction already tracks first: group commit applies several events at once.
        var row = await db.RenovationProjects.FindAsync([id], cancellationToken);
        if (removes)
        {
            if (row is not null && (version <= 0 || version > row.Version))
            {
                db.RenovationProjects.Remove(row);
            }

            return;
        }

        var snapshot = new RenovationProjectSnapshot(
            project.DisplayName,
            project.Cluster.StartsWith(ClusterCollection, StringComparison.Ordinal) ? project.Cluster[ClusterCollection.Length..] : project.Cluster,
            (RenovationProjectState)project.State,
            (RenovationProjectTier)project.Tier,
            project.TotalInvestmentYuan,
            project.CumulativeCompletedInvestmentYuan);
        if (snapshot.ClusterId.Length > 0 && !await db.Clusters.AnyAsync(c => c.Id == snapshot.ClusterId, cancellationToken))
        {
            LogUnknownCluster(logger, project.Name, project.Cluster, version);
        }

        if (row is null || db.Entry(row).State == EntityState.Deleted)
        {
            if (row is not null)
            {
                db.Entry(row).State = EntityState.Detached; // deleted and created again within one group: replace the row
            }

            row = new RenovationProject(id);
            db.RenovationProjects.Add(row);
        }

        row.Apply(snapshot, version, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Project} (version {Version}) names {Cluster}, which this service does not know; its figures are kept and count once the cluster exists")]
    private static partial void LogUnknownCluster(ILogger logger, string project, string cluster, long version);
}
