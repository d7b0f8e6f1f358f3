namespace Industry.Clusters.Domain;

/// <summary>
/// A qualification an enterprise holds: one row per enterprise and type, with the year granted, so that progress
/// counts the grants of a year in SQL. A revoked qualification is deleted.
/// </summary>
public sealed class Qualification
{
    private Qualification()
    {
    }

    public Qualification(string uscc, QualificationType type, int year, DateTime grantTime)
    {
        Uscc = uscc;
        Type = type;
        Year = year;
        GrantTime = grantTime;
    }

    public string Uscc { get; private set; } = string.Empty;

    public QualificationType Type { get; private set; }

    /// <summary>认定年度: the year granted.</summary>
    public int Year { get; private set; }

    public DateTime GrantTime { get; private set; }
}
