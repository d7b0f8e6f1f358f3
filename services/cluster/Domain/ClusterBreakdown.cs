namespace Industry.Clusters.Domain;

/// <summary>
/// The year's progress rolled up from its cells (one per city and industry, as the database groups them): the province's
/// figures are the sum of every cell, a city's or an industry's the sum of its cells. Records without a city (a cluster
/// led from the province) or without an industry count only in the province's figures.
/// </summary>
public static class ClusterBreakdown
{
    public static ClusterCounts Province(IEnumerable<ClusterCell> cells) => Sum(cells);

    /// <summary>
    /// One row per city of Anhui with a target (<paramref name="targetCities"/>) or a non-zero count, by city code, so
    /// that a city with a target and nothing done yet still shows its 0.
    /// </summary>
    public static IReadOnlyList<(string CityCode, ClusterCounts Counts)> ByCity(IEnumerable<ClusterCell> cells, IEnumerable<string> targetCities)
    {
        var counted = cells.Where(c => Divisions.IsCity(c.CityCode)).GroupBy(c => c.CityCode, StringComparer.Ordinal).ToDictionary(g => g.Key, Sum, StringComparer.Ordinal);
        return [.. counted.Where(c => !c.Value.IsZero).Select(c => c.Key)
            .Union(targetCities, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(city => (city, counted.GetValueOrDefault(city) ?? ClusterCounts.Zero))];
    }

    /// <summary>One row per 4+10 industry with a non-zero count, by industry code.</summary>
    public static IReadOnlyList<(string IndustryCode, ClusterCounts Counts)> ByIndustry(IEnumerable<ClusterCell> cells) =>
        [.. cells.Where(c => Industries.Find(c.IndustryCode) is not null)
            .GroupBy(c => c.IndustryCode, StringComparer.Ordinal)
            .Select(g => (g.Key, Sum(g)))
            .Where(r => !r.Item2.IsZero)
            .OrderBy(r => r.Key, StringComparer.Ordinal)];

    private static ClusterCounts Sum(IEnumerable<ClusterCell> cells) => cells.Aggregate(ClusterCounts.Zero, (sum, c) => sum.Plus(c.Counts));
}
