using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>
/// Builds the demo province from a fixed seed, without I/O: the same scale gives the same plan, record for record, on
/// every machine (<see cref="Random"/> with a seed is stable across .NET versions). Each part draws from its own
/// <see cref="Random"/>, so that changing one part leaves the others as they were.
/// </summary>
public sealed partial class DemoPlanBuilder
{
    public const int Seed = 20_231_130;

    /// <summary>亿元以上: the investment from which a project is a key project (tier KEY, or MAJOR from ¥1bn).</summary>
    public const long KeyProjectYuan = 100_000_000;

    public const long MajorProjectYuan = 1_000_000_000;

    /// <summary>Amounts are reported in 万元, as the monthly sheets do.</summary>
    private const long TenThousand = 10_000;

    /// <summary>
    /// The cities' shares of the province's industrial enterprises (roughly their shares of industrial output): Hefei the
    /// largest, Huangshan and Chizhou the smallest.
    /// </summary>
    private static readonly Dictionary<string, double> CityWeights = new(StringComparer.Ordinal)
    {
        ["340100"] = 0.17,
        ["340200"] = 0.11,
        ["340300"] = 0.05,
        ["340400"] = 0.03,
        ["340500"] = 0.06,
        ["340600"] = 0.03,
        ["340700"] = 0.03,
        ["340800"] = 0.07,
        ["341000"] = 0.02,
        ["341100"] = 0.08,
        ["341200"] = 0.07,
        ["341300"] = 0.05,
        ["341500"] = 0.06,
        ["341600"] = 0.04,
        ["341700"] = 0.02,
        ["341800"] = 0.07,
    };

    private readonly DemoScale _scale;
    private readonly DemoVolumes _volumes;
    private readonly List<DemoEnterprise> _enterprises = [];
    private readonly Dictionary<string, int> _enterpriseIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<DemoQualification> _qualifications = [];
    private readonly List<DemoPark> _parks = [];
    private readonly List<DemoCluster> _clusters = [];
    private readonly List<DemoRevenueReport> _revenue = [];
    private readonly List<DemoTransformation> _transformations = [];
    private readonly List<DemoProject> _projects = [];

    /// <summary>Enterprises kept for a digital-transformation project's completion: no reported transformation may touch them.</summary>
    private readonly HashSet<string> _digitalProjectEnterprises = new(StringComparer.Ordinal);

    private DemoPlanBuilder(DemoScale scale)
    {
        _scale = scale;
        _volumes = DemoVolumes.For(scale);
    }

    public static DemoPlan Build(DemoScale scale)
    {
        var builder = new DemoPlanBuilder(scale);
        builder.AddEnterprises(new Random(Seed + 1));
        builder.AddParks(new Random(Seed + 2));
        builder.AddClusters(new Random(Seed + 3));
        builder.AddProjects(new Random(Seed + 4));
        builder.AddTransformations(new Random(Seed + 5));
        builder.AddQualifications(new Random(Seed + 6));
        var dispatchCycle = builder.AddDispatchCycle(new Random(Seed + 7));
        return new DemoPlan(
            scale,
            builder._enterprises,
            builder._qualifications,
            builder._parks,
            builder._clusters,
            builder._revenue,
            builder._transformations,
            builder._projects,
            builder.Targets(),
            dispatchCycle);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static T Weighted<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static Division RandomCounty(Random random)
    {
        var city = Weighted(random, Divisions.Cities, c => CityWeights[c.Code]);
        return Pick(random, CountiesOf(city.Code));
    }

    private static IReadOnlyList<Division> CountiesOf(string cityCode) =>
        [.. Divisions.Counties.Where(c => c.ParentCode == cityCode)];

    /// <summary>Splits <paramref name="total"/> over the cities by their weights, the shares summing exactly to it (largest remainders).</summary>
    private static List<(string CityCode, int Count)> ByCity(int total)
    {
        var sum = CityWeights.Values.Sum();
        var exact = Divisions.Cities.Select(c => (c.Code, Exact: total * CityWeights[c.Code] / sum)).ToList();
        var counts = exact.Select(e => (e.Code, Count: (int)Math.Floor(e.Exact))).ToList();
        var left = total - counts.Sum(c => c.Count);
        foreach (var code in exact.OrderByDescending(e => e.Exact - Math.Floor(e.Exact)).ThenBy(e => e.Code, StringComparer.Ordinal).Take(left).Select(e => e.Code))
        {
            var i = counts.FindIndex(c => c.Code == code);
            counts[i] = (code, counts[i].Count + 1);
        }

        return counts;
    }

    private static long RoundToTenThousand(double yuan) => (long)Math.Round(yuan / TenThousand, MidpointRounding.AwayFromZero) * TenThousand;

    private DemoEnterprise Enterprise(string uscc) => _enterprises[_enterpriseIndex[uscc]];

    private DemoTargets Targets()
    {
        var s = _scale;
        var keyProjects = s.Of(ReportFigures.Count("P1"));
        var parks = ReportFigures.Count("D2");
        var enterprises = s.Of(ReportFigures.Count("D4"));
        var leaders = s.Of(ReportFigures.Count("D5"));
        var parkShares = ByCity(parks);
        var enterpriseShares = ByCity(enterprises);
        var leaderShares = ByCity(leaders);
        var (advanced, smeClusters, innovative, specialized, aboveSize) =
            (ReportFigures.Count("C3"), ReportFigures.Count("C4"), s.Of(ReportFigures.Count("C10")), s.Of(ReportFigures.Count("C11")), s.Of(ReportFigures.Count("C12")));
        var (advancedShares, smeShares, innovativeShares, specializedShares, aboveSizeShares) =
            (ByCity(advanced), ByCity(smeClusters), ByCity(innovative), ByCity(specialized), ByCity(aboveSize));
        return new DemoTargets(
            DemoVolumes.LastYear,
            keyProjects,
            ByCity(keyProjects),
            advanced,
            smeClusters,
            innovative,
            specialized,
            aboveSize,
            parks,
            enterprises,
            leaders,
            [.. Divisions.Cities.Select((c, i) => (c.Code, parkShares[i].Count, enterpriseShares[i].Count, leaderShares[i].Count))],
            [.. Divisions.Cities.Select((c, i) => new DemoCityClusterTargets(
                c.Code, advancedShares[i].Count, smeShares[i].Count, innovativeShares[i].Count, specializedShares[i].Count, aboveSizeShares[i].Count))]);
    }
}
