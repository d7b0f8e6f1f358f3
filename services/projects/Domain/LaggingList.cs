namespace Industry.Projects.Domain;

/// <summary>
/// 滞后项目清单: which projects behind schedule a published list holds, and in which order. The list is bounded so that a
/// snapshot stays well inside the service's 16 MiB message limit (a project's entry is at most about 1.4 KB with
/// 200-character names, typically 250 bytes): when more projects are behind, the furthest behind are kept and the list
/// says it was truncated, while the per-city counts stay exact.
/// </summary>
public static class LaggingList
{
    public const int MaxProjects = 2_000;

    /// <summary>
    /// At most <paramref name="max"/> of <paramref name="behind"/>, the most severe province-wide (past the planned
    /// completion first, then the largest gap, an absent gap last), listed by city code and by that severity within a
    /// city; ties by project code, then id, so that the order never depends on the database's.
    /// </summary>
    public static (List<T> Projects, bool Truncated) Of<T>(IReadOnlyCollection<T> behind, Func<T, LaggingKey> key, int max = MaxProjects)
    {
        var kept = behind.Select(p => (Project: p, Key: key(p))).OrderBy(p => p.Key, Severity.Instance).Take(max);
        return ([.. kept.OrderBy(p => p.Key.CityCode, StringComparer.Ordinal).ThenBy(p => p.Key, Severity.Instance).Select(p => p.Project)], behind.Count > max);
    }

    private sealed class Severity : IComparer<LaggingKey>
    {
        public static readonly Severity Instance = new();

        public int Compare(LaggingKey x, LaggingKey y)
        {
            var byPast = y.PastPlannedCompletion.CompareTo(x.PastPlannedCompletion);
            if (byPast != 0)
            {
                return byPast;
            }

            // Descending, an absent gap after every present one.
            var byGap = (x.GapPoints, y.GapPoints) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } a, { } b) => b.CompareTo(a),
            };
            return byGap != 0 ? byGap
                : string.CompareOrdinal(x.ProjectCode, y.ProjectCode) is var byCode and not 0 ? byCode
                : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}

/// <summary>What orders a project in a <see cref="LaggingList"/>.</summary>
public readonly record struct LaggingKey(string CityCode, bool PastPlannedCompletion, double? GapPoints, string ProjectCode, string Id);
