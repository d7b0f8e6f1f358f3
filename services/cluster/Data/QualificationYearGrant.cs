namespace Industry.Clusters.Data;

/// <summary>
/// The qualifications of one type granted in a year to the enterprises of one city and industry and not revoked in that
/// year: the figure GetClusterProgress reports, kept by the enterprise writes in their own transaction
/// (<see cref="EnterpriseYearCounts"/>) so that it is read without joining a year's grants to every enterprise
/// (ADR 0048). A grant revoked in a later year stays counted in its year.
/// </summary>
public sealed class QualificationYearGrant
{
    public string CityCode { get; set; } = string.Empty;

    public string IndustryCode { get; set; } = string.Empty;

    public QualificationType Type { get; set; }

    public int Year { get; set; }

    public int Granted { get; set; }
}
