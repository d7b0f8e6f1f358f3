namespace Industry.Parks.Domain;

/// <summary>
/// One level an enterprise reached in a park, in a year: a row per level, so that progress counts enterprises and
/// workshops/factories/leaders by year in SQL. The park, enterprise and city are repeated from the record so that those
/// counts read this table alone.
/// </summary>
public sealed class TransformationMilestone
{
    private TransformationMilestone()
    {
    }

    internal TransformationMilestone(Transformation of, LevelReached reached, DateTime now)
    {
        TransformationId = of.Id;
        ParkId = of.ParkId;
        EnterpriseUscc = of.EnterpriseUscc;
        CityCode = of.CityCode;
        Level = reached.Level;
        Year = reached.Year;
        Source = reached.Source;
        Project = reached.Project;
        RecordTime = now;
    }

    public string TransformationId { get; private set; } = string.Empty;

    public string ParkId { get; private set; } = string.Empty;

    public string EnterpriseUscc { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public TransformationLevel Level { get; private set; }

    public int Year { get; private set; }

    public TransformationSource Source { get; private set; }

    /// <summary><c>projects/{project}</c> when <see cref="Source"/> is PROJECT, else empty.</summary>
    public string Project { get; private set; } = string.Empty;

    public DateTime RecordTime { get; private set; }
}
