namespace Industry.ServiceDefaults.Writes;

/// <summary>The fields an edit changed, by their API paths (the event's <c>update_mask</c>), in the order assigned.</summary>
public sealed class ChangeSet
{
    private readonly List<string> _paths = [];

    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Assigns <paramref name="value"/> when it differs from <paramref name="current"/>, and notes <paramref name="path"/>.</summary>
    public ChangeSet Set<T>(T current, T value, Action<T> assign, string path)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            assign(value);
            _paths.Add(path);
        }

        return this;
    }

    /// <summary>
    /// Assigns a copy of <paramref name="value"/> when its items differ from <paramref name="current"/>'s: a new list,
    /// so that the change tracker sees the column change.
    /// </summary>
    public ChangeSet SetList<T>(IReadOnlyList<T> current, IReadOnlyList<T> value, Action<List<T>> assign, string path)
    {
        if (!current.SequenceEqual(value))
        {
            assign([.. value]);
            _paths.Add(path);
        }

        return this;
    }
}
