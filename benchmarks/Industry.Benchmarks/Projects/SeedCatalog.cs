using System.Globalization;
using Industry.ServiceDefaults.Reference;

namespace Industry.Benchmarks.Projects;

/// <summary>
/// Generates a national-scale programme that looks like the real one: projects spread over Anhui's 16 cities (Hefei
/// largest) and their counties, over the 4+10 industries (equipment, autos and IT largest) with a matching GB/T 4754
/// class, a log-normal total investment (median ¥150M, so about half are key projects and a few percent major), the
/// lifecycle states in realistic shares with actual dates over the last eight years, and one report per month from
/// the actual start to the completion, suspension or last month. Deterministic for a given seed and month.
/// </summary>
internal sealed class SeedCatalog
{
    /// <summary>Relative weight of each city's share of the projects, by GB/T 2260 code.</summary>
    private static readonly Dictionary<string, int> CityWeights = new(StringComparer.Ordinal)
    {
        ["340100"] = 20,
        ["340200"] = 10,
        ["340300"] = 5,
        ["340400"] = 4,
        ["340500"] = 6,
        ["340600"] = 4,
        ["340700"] = 4,
        ["340800"] = 6,
        ["341000"] = 3,
        ["341100"] = 8,
        ["341200"] = 7,
        ["341300"] = 5,
        ["341500"] = 5,
        ["341600"] = 4,
        ["341700"] = 3,
        ["341800"] = 6,
    };

    private static readonly Dictionary<string, int> IndustryWeights = new(StringComparer.Ordinal)
    {
        ["IT"] = 12,
        ["AUTO"] = 12,
        ["EQUIP"] = 18,
        ["NEWMAT"] = 6,
        ["CHEM"] = 8,
        ["HOMEAPP"] = 6,
        ["FOOD"] = 7,
        ["METAL"] = 6,
        ["PV"] = 5,
        ["GREEN"] = 3,
        ["TEXTILE"] = 5,
        ["LIGHT"] = 5,
        ["BIO"] = 4,
        ["BUILDMAT"] = 3,
    };

    /// <summary>Classes for the cross-cutting industries (new materials, green), which take any manufacturing class.</summary>
    private static readonly string[] CrossCuttingClasses = ["C2651", "C3011", "C3240", "C3399", "C2929", "C4220"];

    private static readonly (int State, int Weight)[] StateWeights = [(1, 8), (2, 42), (3, 30), (4, 12), (5, 5), (6, 3)];

    private static readonly (int Nature, int Weight)[] NatureWeights = [(1, 20), (2, 20), (3, 55), (4, 5)];

    private readonly (Division City, Division[] Counties, int Weight)[] _cities;
    private readonly (IndustryCategory Industry, int Weight)[] _industries;
    private readonly int _lastMonth;

    /// <param name="lastMonth">The last month that may be reported (the month before the current one), as year × 12 + month − 1.</param>
    public SeedCatalog(int lastMonth)
    {
        _lastMonth = lastMonth;
        _cities = [.. Divisions.Cities.Select(c => (c, Divisions.Counties.Where(d => d.ParentCode == c.Code).ToArray(), CityWeights.GetValueOrDefault(c.Code, 4)))];
        _industries = [.. Industries.All.Select(i => (i, IndustryWeights.GetValueOrDefault(i.Code, 4)))];
    }

    public static int MonthIndex(int year, int month) => (year * 12) + month - 1;

    public static (int Year, int Month) FromIndex(int index) => (index / 12, (index % 12) + 1);

    /// <summary>Project <paramref name="serial"/>: the same serial always gives the same project.</summary>
    public SeedProject Project(int serial, bool reserveOnly = false)
    {
        var random = new Random(unchecked((serial * 7919) + 17));
        var (city, counties, _) = Pick(random, _cities, c => c.Weight);
        var county = counties[random.Next(counties.Length)];
        var (industry, _) = Pick(random, _industries, i => i.Weight);
        var gbt = industry.Gbt4754Prefixes.Count == 0
            ? CrossCuttingClasses[random.Next(CrossCuttingClasses.Length)]
            : industry.Gbt4754Prefixes[random.Next(industry.Gbt4754Prefixes.Count)].PadRight(5, '1');
        var total = Math.Clamp((long)(150_000_000 * Math.Exp(1.1 * Gaussian(random))), 10_000_000, 30_000_000_000) / 10_000 * 10_000;
        var equipment = (long)(total * (0.3 + (0.45 * random.NextDouble()))) / 10_000 * 10_000;
        var state = reserveOnly ? 1 : Pick(random, StateWeights, s => s.Weight).State;
        var duration = random.Next(12, 37);

        // The actual start: recent for projects still under construction, at least a year back for the others.
        int? start = state switch
        {
            2 => _lastMonth - random.Next(60),
            3 or 4 or 5 => _lastMonth - 12 - random.Next(84),
            _ => null,
        };
        var plannedStart = (start ?? (_lastMonth + random.Next(1, 12))) - random.Next(3);
        var registered = Math.Min(plannedStart - random.Next(1, 7), _lastMonth);
        int? completion = state is 3 or 4 ? Math.Min(start!.Value + duration, _lastMonth) : null;
        int? production = state == 4 ? Math.Min(completion!.Value + random.Next(1, 4), _lastMonth) : null;
        int? suspension = state == 5 ? Math.Min(start!.Value + random.Next(3, duration), _lastMonth) : null;
        var stateMonth = production ?? completion ?? suspension ?? start ?? registered;

        var (regYear, regMonth) = FromIndex(registered);
        var enterprise = 1 + (serial % 30_000);
        var usccBody = string.Create(CultureInfo.InvariantCulture, $"91{county.Code}{enterprise:D9}");
        var project = new SeedProject
        {
            Serial = serial,
            Code = string.Create(CultureInfo.InvariantCulture, $"{regYear:D4}-{county.Code}-{gbt.AsSpan(1, 2)}-0{1 + random.Next(3)}-{serial:D6}"),
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"{city.Name}{industry.NameZh}技术改造项目（{serial:D6}）"),
            EnterpriseUscc = usccBody + Uscc.CheckCharacter(usccBody),
            EnterpriseDisplayName = string.Create(CultureInfo.InvariantCulture, $"安徽{industry.NameZh}制造有限公司第{enterprise:D5}号"),
            CountyCode = county.Code,
            CityCode = city.Code,
            Industry = industry.Code,
            Gbt4754Class = gbt,
            Nature = Pick(random, NatureWeights, n => n.Weight).Nature,
            TotalInvestmentYuan = total,
            EquipmentInvestmentYuan = equipment,
            PlannedStartDate = Date(plannedStart, 1),
            PlannedCompletionDate = Date(plannedStart + duration, 28),
            ActualStartDate = start is { } s ? Date(s, 1 + random.Next(28)) : null,
            ActualCompletionDate = completion is { } c ? Date(c, 1 + random.Next(28)) : null,
            ActualProductionDate = production is { } p ? Date(p, 1 + random.Next(28)) : null,
            Cluster = random.NextDouble() < 0.3 ? $"clusters/c{city.Code}-{industry.Code.ToLowerInvariant()}" : string.Empty,
            Park = random.NextDouble() < 0.6 ? string.Create(CultureInfo.InvariantCulture, $"parks/p{county.Code}-{random.Next(1, 4)}") : string.Empty,
            DigitalTransformation = random.NextDouble() < 0.35,
            Description = "新建生产线，购置智能化设备，实施数字化改造。",
            State = state,
            StateDate = Date(stateMonth, 28),
            CreateTime = new DateTime(regYear, regMonth, 1 + random.Next(28), 2, 0, 0, DateTimeKind.Utc),
        };
        if (start is { } first)
        {
            project.FirstReportMonth = first;
            project.LastReportMonth = suspension ?? completion ?? _lastMonth;
        }

        return project;
    }

    /// <summary>
    /// Keeps exactly <paramref name="target"/> reports over all projects where they have more months than that:
    /// each project keeps its share of the total (largest remainder), its most recent months.
    /// </summary>
    public static long Trim(IReadOnlyList<SeedProject> projects, long target)
    {
        var available = projects.Sum(p => (long)p.ReportCount);
        if (available <= target)
        {
            return available;
        }

        var shares = projects.Select(p => (double)p.ReportCount * target / available).ToArray();
        var keep = shares.Select(s => (long)s).ToArray();
        var remaining = target - keep.Sum();
        foreach (var i in Enumerable.Range(0, projects.Count).OrderByDescending(i => shares[i] - keep[i]).ThenBy(i => i).Take((int)remaining))
        {
            keep[i]++;
        }

        for (var i = 0; i < projects.Count; i++)
        {
            projects[i].FirstReportMonth = projects[i].LastReportMonth - (int)keep[i] + 1;
        }

        return target;
    }

    /// <summary>A project's reports in month order: about its planned monthly share, never above 98 % of its total in sum.</summary>
    public static IEnumerable<(int Month, long Yuan)> Reports(SeedProject project)
    {
        var planned = project.TotalInvestmentYuan / 30.0;
        var ceiling = project.TotalInvestmentYuan * 98 / 100;
        long cumulative = 0;
        for (var month = project.FirstReportMonth; month <= project.LastReportMonth; month++)
        {
            var yuan = Math.Min((long)(planned * (0.4 + (1.2 * Unit(project.Serial, month)))) / 1_000 * 1_000, ceiling - cumulative);
            cumulative += yuan;
            yield return (month, yuan);
        }
    }

    private static DateOnly Date(int monthIndex, int day)
    {
        var (year, month) = FromIndex(monthIndex);
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A number in [0, 1) fixed by the project and month (SplitMix64), so the reports come out the same twice.</summary>
    private static double Unit(int serial, int month)
    {
        var z = unchecked(((ulong)serial * 0x9E3779B97F4A7C15UL) + (ulong)month);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (z ^ (z >> 31)) / (double)ulong.MaxValue;
    }
}
