using System.Globalization;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Demo.Plan;

/// <summary>重点技改项目: key renovation projects started 2021-2024 with their monthly investment, and a reserve pool.</summary>
public sealed partial class DemoPlanBuilder
{
    /// <summary>The first month the demo reports investment for (the projects of 2021 report from here on).</summary>
    private static readonly DateOnly FirstReportMonth = new(DemoVolumes.FirstYear, 1, 1);

    private static readonly DateOnly LastDay = new(DemoVolumes.LastYear, 12, 31);

    private readonly HashSet<int> _serials = [];
    private int _suspensionsLeft;

    private void AddProjects(Random random)
    {
        var v = _volumes;
        _suspensionsLeft = v.SuspendedProjects;
        var clusterOf = _clusters.Where(c => c.RevocationReason is null)
            .SelectMany(c => c.Members.Select(m => (m.Uscc, c.Id)))
            .ToDictionary(x => x.Uscc, x => x.Id, StringComparer.Ordinal);
        foreach (var (year, count) in v.KeyProjectStarts.OrderBy(s => s.Key))
        {
            for (var i = 0; i < count; i++)
            {
                _projects.Add(StartedProject(random, year, clusterOf));
            }
        }

        // At least 1,200 (P1) key projects under implementation in every year of the data set.
        for (var year = DemoVolumes.FirstYear; year <= DemoVolumes.LastYear; year++)
        {
            while (DemoFigures.CountKeyProjectsUnderImplementation(_projects, year) < v.MinKeyProjectsUnderImplementation)
            {
                _projects.Add(StartedProject(random, year, clusterOf));
            }
        }

        DesignateDigitalProjects(random);
        FitInvestmentGrowth();

        for (var i = 0; i < v.CancelledProjects; i++)
        {
            var cancelled = new DateOnly(2023, random.Next(3, 12), random.Next(1, 29));
            _projects.Add(Project(random, cancelled.AddMonths(-2), 12, clusterOf, key: true, [new(ProjectState.Cancelled, cancelled, "企业调整投资计划,项目取消。")], []));
        }

        for (var i = 0; i < v.ReserveProjects; i++)
        {
            var planned = new DateOnly(DemoVolumes.LastYear + 1, random.Next(1, 7), random.Next(1, 29));
            _projects.Add(Project(random, planned, random.Next(10, 19), clusterOf, key: random.NextDouble() < 0.7, [], []));
        }
    }

    private DemoProject StartedProject(Random random, int startYear, Dictionary<string, string> clusterOf)
    {
        DateOnly start, completion;
        int months;
        do
        {
            months = random.Next(6, 17);
            start = new DateOnly(startYear, random.Next(1, 13), random.Next(1, 29));
            completion = new DateOnly(start.Year, start.Month, random.Next(1, 29)).AddMonths(months);
        }
        while (completion < FirstReportMonth); // a project of 2021 is still running in 2022

        var transitions = new List<DemoTransition> { new(ProjectState.UnderConstruction, start) };
        (DateOnly From, DateOnly To)? suspended = null;
        if (_suspensionsLeft > 0 && start < new DateOnly(2023, 3, 1) && completion > new DateOnly(2024, 1, 31) && random.NextDouble() < 0.15)
        {
            _suspensionsLeft--;
            var from = new DateOnly(2023, random.Next(4, 9), random.Next(1, 29));
            var to = from.AddMonths(random.Next(2, 5));
            suspended = (from, to);
            transitions.Add(new(ProjectState.Suspended, from, "资金到位滞后,暂缓建设。"));
            transitions.Add(new(ProjectState.UnderConstruction, to, "资金到位,恢复建设。"));
        }

        if (completion <= LastDay)
        {
            transitions.Add(new(ProjectState.Completed, completion));
            var production = completion.AddMonths(random.Next(1, 4));
            if (random.NextDouble() < 0.25 && production <= LastDay)
            {
                transitions.Add(new(ProjectState.InProduction, production));
            }
        }

        var key = Project(random, start.AddDays(-random.Next(0, 60)), months, clusterOf, key: true, transitions, []);
        return key with { Reports = Reports(random, key.TotalInvestmentYuan, start, completion, months, suspended) };
    }

    /// <summary>
    /// One report a month from the start (or January 2022) to the completion (or December 2024), none while suspended:
    /// 85-95 % of the total over the whole construction, unevenly from month to month.
    /// </summary>
    private static List<DemoInvestment> Reports(Random random, long total, DateOnly start, DateOnly completion, int months, (DateOnly From, DateOnly To)? suspended)
    {
        var share = 0.85 + random.NextDouble() * 0.10;
        var noise = Enumerable.Range(0, months + 1).Select(_ => 0.6 + random.NextDouble() * 0.8).ToList();
        var perUnit = total * share / noise.Sum();
        var reports = new List<DemoInvestment>();
        var month = new DateOnly(start.Year, start.Month, 1);
        for (var i = 0; i <= months; i++, month = month.AddMonths(1))
        {
            var idle = suspended is { } s && month > new DateOnly(s.From.Year, s.From.Month, 1) && month < new DateOnly(s.To.Year, s.To.Month, 1);
            if (month >= FirstReportMonth && month <= LastDay && month <= completion && !idle)
            {
                reports.Add(new DemoInvestment(month.Year, month.Month, RoundToTenThousand(perUnit * noise[i])));
            }
        }

        return reports;
    }

    private DemoProject Project(Random random, DateOnly plannedStart, int months, Dictionary<string, string> clusterOf, bool key, List<DemoTransition> transitions, List<DemoInvestment> reports)
    {
        var startYear = transitions.Count > 0 ? transitions[0].Date.Year : plannedStart.Year;
        DemoEnterprise enterprise;
        do
        {
            enterprise = _enterprises[random.Next(_enterprises.Count)];
        }
        while (!enterprise.AboveSize || enterprise.AboveSizeYear > startYear);

        var industry = IndustryWords.All.Single(w => w.Code == enterprise.Industry);
        var total = !key ? RoundToTenThousand(random.Next(50, 100) * 1_000_000.0)
            : random.NextDouble() < 0.1 ? RoundToTenThousand(Math.Min(MajorProjectYuan * (1 + Exponential(random, 1.2)), 8_000_000_000))
            : RoundToTenThousand(Math.Min(KeyProjectYuan * (1 + Exponential(random, 0.9)), 990_000_000));
        var serial = random.Next(1, 1_000_000);
        while (!_serials.Add(serial))
        {
            serial = random.Next(1, 1_000_000);
        }

        var code = string.Create(CultureInfo.InvariantCulture,
            $"{plannedStart.Year - random.Next(0, 2)}-{enterprise.CountyCode}-{enterprise.Gbt4754Class[1..3]}-{(random.NextDouble() < 0.8 ? "03" : "02")}-{serial:D6}");
        var product = Pick(random, industry.Products);
        var name = random.Next(4) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"年产{random.Next(2, 50)}万{Pick(random, ["件", "套", "吨", "台"])}{product}技术改造项目"),
            1 => $"{product}智能化改造项目",
            2 => $"{product}生产线扩建项目",
            _ => $"{product}数字化车间建设项目",
        };
        var nature = random.NextDouble() switch
        {
            < 0.5 => ProjectNature.Renovation,
            < 0.75 => ProjectNature.Expansion,
            < 0.95 => ProjectNature.NewBuild,
            _ => ProjectNature.Relocation,
        };
        var completed = transitions.Any(t => t.State == ProjectState.Completed);
        var cluster = clusterOf.GetValueOrDefault(enterprise.Uscc) is { } c && random.NextDouble() < 0.8 ? c : null;
        return new DemoProject(
            code, name, enterprise.Uscc, enterprise.DisplayName, enterprise.CountyCode, enterprise.Industry, enterprise.Gbt4754Class, nature,
            total, RoundToTenThousand(total * (0.3 + random.NextDouble() * 0.4)), plannedStart, plannedStart.AddMonths(months),
            cluster, enterprise.ParkId,
            // A digital project in a park that completes records a transformation: only the designated ones may be.
            DigitalTransformation: (enterprise.ParkId is null || !completed) && random.NextDouble() < 0.2,
            string.Create(CultureInfo.InvariantCulture, $"建设{product}智能化生产线,购置先进生产及检测设备{random.Next(20, 300)}台(套)。"),
            transitions, reports);
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    /// <summary>
    /// 数字化改造项目: in each year, a few key projects in a park completed that year are digital-transformation projects;
    /// the parks service records their enterprises as transformed (by event), so no reported transformation may touch them.
    /// </summary>
    private void DesignateDigitalProjects(Random random)
    {
        var parks = _parks.Where(p => p.Outcome is not (ParkOutcome.Rejected or ParkOutcome.CertifiedThenRevoked)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (year, count) in _volumes.DigitalProjectsCompleted.OrderBy(d => d.Key))
        {
            var candidates = Enumerable.Range(0, _projects.Count)
                .Where(i => _projects[i].ActualCompletion?.Year == year && _projects[i].ParkId is { } park && parks.Contains(park))
                .ToList();
            for (var n = 0; n < count; n++)
            {
                int i;
                do
                {
                    i = candidates[random.Next(candidates.Count)];
                }
                while (!_digitalProjectEnterprises.Add(_projects[i].EnterpriseUscc));

                _projects[i] = _projects[i] with { DigitalTransformation = true };
            }
        }
    }

    /// <summary>
    /// P2: January-October investment of 2023 against 2022 grows by exactly the report's percentage as the API rounds it.
    /// The larger side's reports of those months are scaled down (never above a project's total), rounded to 万元, and
    /// the rounding's rest taken off that side's largest report.
    /// </summary>
    private void FitInvestmentGrowth()
    {
        var through = _volumes.ReportThroughMonth;
        var ratio = 1 + (double)_volumes.InvestmentGrowthPercent / 100;
        long Sum(int year) => _projects.Sum(p => p.Reports.Where(r => r.Year == year && r.Month <= through).Sum(r => r.Yuan));

        var (previous, current) = (Sum(2023 - 1), Sum(2023));
        var (year, factor) = current > previous * ratio ? (2023, previous * ratio / current) : (2022, current / (previous * ratio));
        for (var i = 0; i < _projects.Count; i++)
        {
            var p = _projects[i];
            if (p.Reports.Any(r => r.Year == year && r.Month <= through))
            {
                _projects[i] = p with { Reports = [.. p.Reports.Select(r => r.Year == year && r.Month <= through ? r with { Yuan = RoundToTenThousand(r.Yuan * factor) } : r)] };
            }
        }

        (previous, current) = (Sum(2022), Sum(2023));
        var excess = year == 2023 ? current - (long)Math.Round(previous * ratio) : previous - (long)Math.Round(current / ratio);
        var (index, largest) = _projects.SelectMany((p, i) => p.Reports.Where(r => r.Year == year && r.Month <= through).Select(r => (i, r)))
            .MaxBy(x => x.r.Yuan);
        var project = _projects[index];
        _projects[index] = project with { Reports = [.. project.Reports.Select(r => ReferenceEquals(r, largest) ? r with { Yuan = r.Yuan - excess } : r)] };

        if (YearOnYear.GrowthPercent(Sum(2023), Sum(2022)) != (double)_volumes.InvestmentGrowthPercent)
        {
            throw new InvalidOperationException($"The investment does not grow by {_volumes.InvestmentGrowthPercent} %: {Sum(2022)} → {Sum(2023)}.");
        }
    }
}
