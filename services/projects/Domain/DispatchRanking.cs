namespace Industry.Projects.Domain;

/// <summary>
/// 调度通报 ranking: the cities ordered by a figure, highest first, with standard competition ranks (1, 2, 2, 4):
/// equal figures share a rank, so that no city is placed above another by its code. A city without the figure (no
/// previous-year investment, no target) has rank 0 and comes after the ranked ones.
/// </summary>
public static class DispatchRanking
{
    /// <summary>Each city's rank by its figure; 0 for a city without one.</summary>
    public static IReadOnlyDictionary<string, int> Ranks(IEnumerable<(string CityCode, double? Figure)> cities)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = cities.OrderByDescending(c => c.Figure.HasValue).ThenByDescending(c => c.Figure).ThenBy(c => c.CityCode, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (city, figure) = ordered[i];
            ranks[city] = figure is null ? 0
                : i > 0 && ordered[i - 1].Figure == figure ? ranks[ordered[i - 1].CityCode]
                : i + 1;
        }

        return ranks;
    }

    /// <summary>The order of a bulletin's rows: ranked cities by rank, then the unranked, each by city code.</summary>
    public static IEnumerable<T> Order<T>(IEnumerable<T> rows, Func<T, int> rank, Func<T, string> cityCode) =>
        rows.OrderBy(r => rank(r) == 0).ThenBy(rank).ThenBy(cityCode, StringComparer.Ordinal);
}
