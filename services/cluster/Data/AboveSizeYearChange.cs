namespace Industry.Clusters.Data;

/// <summary>
/// The above-size (规上) enterprises of one city and industry in one year: how many entered, how many left, and the
/// change of the year-end total. Figures the enterprise writes keep in their own transaction
/// (<see cref="EnterpriseYearCounts"/>), so that GetClusterProgress reads a few thousand rows instead of every
/// enterprise of the year, or every enterprise that ever entered for the total (ADR 0048).
/// </summary>
public sealed class AboveSizeYearChange
{
    public string CityCode { get; set; } = string.Empty;

    public string IndustryCode { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>The change of the year-end total; the total at a year's end is the sum over the years up to it.</summary>
    public int NetChange { get; set; }

    /// <summary>The enterprises whose above-size year is this year.</summary>
    public int Entered { get; set; }

    /// <summary>The enterprises whose exit year is this year.</summary>
    public int Exited { get; set; }
}
