namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// A resource the suite writes: a name, a version that every write increments (the etag, the event's subject version
/// and the database's concurrency token), when it was created and last written, and by whom. Entities derive from it
/// and change their content only through <see cref="Revise"/> and their own domain methods, each of which ends in
/// <see cref="Touch"/>.
/// </summary>
public abstract class VersionedResource
{
    /// <summary>The resource name, <c>parks/k-1</c>: the event subject and the key of its tombstone.</summary>
    public abstract string Name { get; }

    public long Version { get; private set; }

    public DateTime CreateTime { get; private set; }

    public DateTime UpdateTime { get; private set; }

    public string UpdateActor { get; private set; } = string.Empty;

    /// <summary>Records the deletion as the resource's last version, so the deletion event orders after every other.</summary>
    public void MarkDeleted(DateTime now, string actor) => Touch(now, actor);

    /// <summary>
    /// Starts a new resource's history: created now, its versions going on from <paramref name="previousVersion"/>, the
    /// last version of a deleted resource of the same name (0 for a name never used), so subject versions keep rising.
    /// </summary>
    protected void Begin(DateTime now, long previousVersion)
    {
        CreateTime = now;
        Version = previousVersion;
    }

    /// <summary>A write: the next version, written now by <paramref name="actor"/>.</summary>
    protected void Touch(DateTime now, string actor)
    {
        Version++;
        UpdateTime = now;
        UpdateActor = actor;
    }

    /// <summary>
    /// Applies <paramref name="edit"/>'s assignments and returns the API paths of the fields that changed, touching the
    /// resource when any did; an edit that changes nothing writes nothing.
    /// </summary>
    protected IReadOnlyList<string> Revise(DateTime now, string actor, Action<ChangeSet> edit)
    {
        var changes = new ChangeSet();
        edit(changes);
        if (changes.Paths.Count > 0)
        {
            Touch(now, actor);
        }

        return changes.Paths;
    }
}
