namespace Industry.Clusters.Domain;

/// <summary>
/// 技改项目: a renovation project of the projects service as this service knows it from the project events, one row per
/// project, so that a cluster's project figures are SQL aggregations over these rows. Each event carries the whole
/// project after its change, so a row is replaced, never incremented: replaying an event changes nothing.
/// </summary>
public sealed class RenovationProject(string projectId)
{
    /// <summary>The id in <c>projects/{id}</c>.</summary>
    public string ProjectId { get; private set; } = projectId;

    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>The cluster id in <c>clusters/{id}</c>; empty when the project has none. Not a foreign key: events may name a cluster this service does not know.</summary>
    public string ClusterId { get; private set; } = string.Empty;

    public RenovationProjectState State { get; private set; }

    public RenovationProjectTier Tier { get; private set; }

    public long TotalInvestmentYuan { get; private set; }

    /// <summary>Cumulative completed investment (the sum of the project's monthly reports).</summary>
    public long CompletedInvestmentYuan { get; private set; }

    /// <summary>The project's version in the projects service (the event's subject version) last applied.</summary>
    public long Version { get; private set; }

    public DateTime UpdateTime { get; private set; }

    /// <summary>
    /// Takes the project's state from an event about <paramref name="version"/>; false (and nothing changed) when a
    /// newer version was applied already.
    /// </summary>
    public bool Apply(RenovationProjectSnapshot snapshot, long version, DateTime now)
    {
        if (version > 0 && version <= Version)
        {
            return false;
        }

        (DisplayName, ClusterId, State, Tier) = (snapshot.DisplayName, snapshot.ClusterId, snapshot.State, snapshot.Tier);
        (TotalInvestmentYuan, CompletedInvestmentYuan) = (snapshot.TotalInvestmentYuan, snapshot.CompletedInvestmentYuan);
        Version = version;
        UpdateTime = now;
        return true;
    }
}

/// <summary>What an event says about a project, as this service keeps it.</summary>
public sealed record RenovationProjectSnapshot(
    string DisplayName,
    string ClusterId,
    RenovationProjectState State,
    RenovationProjectTier Tier,
    long TotalInvestmentYuan,
    long CompletedInvestmentYuan);

/// <summary>A project's state in the projects service. Numbers as in <c>industry.projects.v1.ProjectState</c>.</summary>
public enum RenovationProjectState
{
    Unspecified = 0,
    Reserve = 1,
    UnderConstruction = 2,
    Completed = 3,
    InProduction = 4,
    Suspended = 5,
    Cancelled = 6,
}

/// <summary>A project's tier by total investment. Numbers as in <c>industry.projects.v1.ProjectTier</c>.</summary>
public enum RenovationProjectTier
{
    Unspecified = 0,

    /// <summary>≥ ¥1bn.</summary>
    Major = 1,

    /// <summary>≥ ¥100M.</summary>
    Key = 2,

    Guidance = 3,
}
