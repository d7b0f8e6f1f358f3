namespace Industry.Clusters.Data;

/// <summary>
/// How many enterprises of one city and industry became above size (规上) in a year minus how many stopped counting
/// as such that year: a running figure the enterprise writes keep in their own transaction
/// (<see cref="EnterpriseYearCounts"/>), so that the year-end total above size of GetClusterProgress sums a few
/// thousand rows of the years up to it instead of reading every enterprise that ever entered (ADR 0048).
/// </summary>
public sealed class AboveSizeYearChange
{
    public string CityCode { get; set; } = string.Empty;

    public string IndustryCode { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>Entered minus left in the year; the total at a year's end is the sum over the years up to it.</summary>
    public int NetChange { get; set; }
}
