using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>Keeps subject versions rising across a delete and a re-creation under the same name (<see cref="SubjectTombstone"/>).</summary>
public static class SubjectTombstones
{
    /// <summary>
    /// Records that <paramref name="subject"/> was deleted at <paramref name="version"/>, to commit with the deletion's
    /// next <c>SaveChangesAsync</c>.
    /// </summary>
    public static async Task BuryAsync(this DbContext db, string subject, long version, DateTime now, CancellationToken cancellationToken)
    {
        var tombstone = await db.Set<SubjectTombstone>().FindAsync([subject], cancellationToken);
        if (tombstone is null)
        {
            db.Set<SubjectTombstone>().Add(new SubjectTombstone { Subject = subject, Version = version, DeleteTime = now });
        }
        else
        {
            (tombstone.Version, tombstone.DeleteTime) = (version, now);
        }
    }

    /// <summary>
    /// Loads the tombstones of <paramref name="subjects"/> into the context in one query, so that burying many (a forced
    /// delete's children) finds them there instead of asking once each.
    /// </summary>
    public static Task LoadTombstonesAsync(this DbContext db, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken) =>
        subjects.Count == 0 ? Task.CompletedTask : db.Set<SubjectTombstone>().AsTracking().Where(t => subjects.Contains(t.Subject)).LoadAsync(cancellationToken);

    /// <summary>The version a resource created as <paramref name="subject"/> continues from: 0 when the name was never deleted.</summary>
    public static Task<long> LastVersionAsync(this DbContext db, string subject, CancellationToken cancellationToken) =>
        db.Set<SubjectTombstone>().Where(t => t.Subject == subject).Select(t => t.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary><see cref="LastVersionAsync"/> of many names in one query; names never deleted are absent.</summary>
    public static Task<Dictionary<string, long>> LastVersionsAsync(this DbContext db, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken) =>
        db.Set<SubjectTombstone>().Where(t => subjects.Contains(t.Subject)).ToDictionaryAsync(t => t.Subject, t => t.Version, StringComparer.Ordinal, cancellationToken);
}
