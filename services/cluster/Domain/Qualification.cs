namespace Industry.Clusters.Domain;

/// <summary>
/// A qualification an enterprise holds: one row per enterprise and type, with the year granted, so that progress
/// counts the grants of a year in SQL. A revoked qualification is deleted.
/// </summary>
public sealed class Qualification(string uscc, QualificationType type, int year, DateTime grantTime)
{
    public string Uscc { get; private set; } = uscc;

    public QualificationType Type { get; private set; } = type;

    /// <summary>认定年度: the year granted.</summary>
    public int Year { get; private set; } = year;

    public DateTime GrantTime { get; private set; } = grantTime;
}
