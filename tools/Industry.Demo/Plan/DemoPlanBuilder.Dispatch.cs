namespace Industry.Demo.Plan;

/// <summary>月度调度: the dispatch cycle of the report's year, played on the built projects without moving a figure of the report.</summary>
public sealed partial class DemoPlanBuilder
{
    /// <summary>The year whose monthly dispatch cycle the data set plays: the work report's.</summary>
    public const int DispatchYear = 2023;

    /// <summary>
    /// In each month of the dispatch year before the last one the report counts (January–September), a few projects
    /// running that month and the next miss the month's report and carry its investment into the next month's. Both
    /// months lie within January–October and the project (so its city, county, cluster) is the same, so the report's
    /// investment, every city's and every project's cumulative total are unchanged; only the months before October move.
    /// </summary>
    private DemoDispatchCycle AddDispatchCycle(Random random)
    {
        var through = _volumes.ReportThroughMonth;
        var missing = new List<DemoMissingReport>();
        var chosen = new HashSet<int>();
        for (var month = 1; month < through; month++)
        {
            var candidates = Enumerable.Range(0, _projects.Count)
                .Where(i => !chosen.Contains(i) && ReportOf(_projects[i], month) is not null && ReportOf(_projects[i], month + 1) is not null)
                .ToList();
            for (var n = 0; n < _volumes.MissingReportsPerMonth && candidates.Count > 0; n++)
            {
                var k = random.Next(candidates.Count);
                var i = candidates[k];
                candidates.RemoveAt(k);
                chosen.Add(i);

                var project = _projects[i];
                var missed = ReportOf(project, month)!;
                var next = ReportOf(project, month + 1)!;
                var carried = next with { Yuan = next.Yuan + missed.Yuan };
                _projects[i] = project with { Reports = [.. project.Reports.Where(r => r != missed).Select(r => r == next ? carried : r)] };
                missing.Add(new DemoMissingReport(project.ProjectCode, missed, carried));
            }
        }

        return new DemoDispatchCycle(DispatchYear, through, missing);

        static DemoInvestment? ReportOf(DemoProject p, int month) => p.Reports.SingleOrDefault(r => r.Year == DispatchYear && r.Month == month);
    }
}
