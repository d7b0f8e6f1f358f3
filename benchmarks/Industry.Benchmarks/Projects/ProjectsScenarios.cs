using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.Benchmarks.Projects;

/// <summary>A measured phase: latencies of its calls (or why there are none), wall time, and the CPU spent.</summary>
internal sealed record Phase(string Name, int Calls, LatencySummary? Latency, string? NotMeasured, double Seconds, double ServiceCpuSeconds, double MachineBusy, long PeakRssAfterBytes)
{
    public double ServiceCores => ServiceCpuSeconds / Seconds;
}

/// <summary>An ImportProjects stream: its rows, wall time (first write → response) and the service's answer.</summary>
internal sealed record ImportRun(string Name, int Rows, double Seconds, ImportProjectsResponse Response, double ServiceCpuSeconds, double MachineBusy, long PeakRssAfterBytes)
{
    public double RowsPerSecond => Rows / Seconds;
}

/// <summary>The calls the benchmark measures, one at a time over one HTTP/2 connection, as a dashboard or a clerk makes them.</summary>
internal sealed class ProjectsScenarios(ProjectService.ProjectServiceClient client, ServiceMonitor monitor)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// GetPlanProgress over the last six years, every month of each (up to the current month this year), in a fixed
    /// shuffled order; <paramref name="warmup"/> unmeasured calls first.
    /// </summary>
    public async Task<Phase> ProgressAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = LastSixYearsMonths(today, 4754);
        return await MeasureAsync("GetPlanProgress", calls, warmup, monitor, async i =>
        {
            var (year, month) = periods[i % periods.Length];
            await client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = year, ThroughMonth = month }, Options(cancellationToken));
        }, cancellationToken);
    }

    /// <summary>
    /// GetDispatchBulletin over every month of the last three years: the twelve months of the earliest closed first
    /// (unmeasured), so that a third of the calls read a published snapshot and the rest compute a provisional bulletin;
    /// fixed shuffled order, <paramref name="warmup"/> unmeasured calls first.
    /// </summary>
    public async Task<Phase> BulletinAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        for (var month = 1; month <= 12; month++)
        {
            var name = $"reportingPeriods/{today.Year - 2:D4}-{month:D2}";
            var period = await client.GetReportingPeriodAsync(new GetReportingPeriodRequest { Name = name }, Options(cancellationToken));
            if (period.State != ReportingPeriodState.Closed)
            {
                await client.ClosePeriodAsync(new ClosePeriodRequest { Name = name }, Options(cancellationToken));
            }
        }

        var periods = Enumerable.Range(today.Year - 2, 3)
            .SelectMany(year => Enumerable.Range(1, year == today.Year ? today.Month : 12).Select(month => $"dispatchBulletins/{year:D4}-{month:D2}"))
            .ToArray();
        new Random(3401).Shuffle(periods);
        return await MeasureAsync("GetDispatchBulletin", calls, warmup, monitor, async i =>
            await client.GetDispatchBulletinAsync(new GetDispatchBulletinRequest { Name = periods[i % periods.Length] }, Options(cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// ListProjects, a page of 50 with a filter, rotating over filters a city, a county or the province would use;
    /// every other call asks for the next page of the previous call's filter. UNIMPLEMENTED (or any other error) is
    /// recorded as "not measured" instead of failing the run.
    /// </summary>
    public Task<Phase> ListAsync(int calls, int warmup, CancellationToken cancellationToken) => ListAsync("ListProjects", calls, warmup,
        [
            ("city_code = \"340100\" AND state = PROJECT_STATE_UNDER_CONSTRUCTION", string.Empty),
            ("tier = PROJECT_TIER_MAJOR", "total_investment_yuan desc"),
            ("industry = \"AUTO\" AND total_investment_yuan >= 500000000", string.Empty),
            ("county_code = \"340207\"", string.Empty),
            ("state = PROJECT_STATE_COMPLETED AND city_code = \"341100\"", "update_time desc"),
            ("digital_transformation = true AND tier = PROJECT_TIER_KEY", string.Empty),
        ], cancellationToken);

    /// <summary>
    /// ListProjects of the lagging projects (序时进度, issue 18), the clerk's list: the province's, a city's, and a city's
    /// largest first, each a page of 50 and every other call the next page.
    /// </summary>
    public Task<Phase> LaggingAsync(int calls, int warmup, CancellationToken cancellationToken) => ListAsync("ListProjects behind_schedule", calls, warmup,
        [
            ("behind_schedule = true", string.Empty),
            ("behind_schedule = true AND city_code = \"340100\"", string.Empty),
            ("city_code = \"341100\" AND behind_schedule = true", "total_investment_yuan desc"),
        ], cancellationToken);

    private async Task<Phase> ListAsync(string name, int calls, int warmup, (string Filter, string OrderBy)[] queries, CancellationToken cancellationToken)
    {
        var tokens = new string[queries.Length];
        try
        {
            return await MeasureAsync(name, calls, warmup, monitor, async i =>
            {
                var q = i / 2 % queries.Length;
                var request = new ListProjectsRequest { PageSize = 50, Filter = queries[q].Filter, OrderBy = queries[q].OrderBy };
                if (i % 2 == 1)
                {
                    request.PageToken = tokens[q];
                }

                var page = await client.ListProjectsAsync(request, Options(cancellationToken));
                tokens[q] = page.NextPageToken;
            }, cancellationToken);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex.StatusCode == StatusCode.Unimplemented
                ? "not measured: ListProjects answers UNIMPLEMENTED in this build"
                : string.Create(CultureInfo.InvariantCulture, $"not measured: ListProjects failed with {ex.StatusCode} ({ex.Status.Detail})");
            return new Phase(name, 0, null, reason, 0, 0, double.NaN, monitor.PeakRssBytes);
        }
    }

    /// <summary>
    /// GetInvestmentSeries (the monthly 累计增速 curve, province and every city) of each of the last six years, through
    /// every month of each, in a fixed shuffled order.
    /// </summary>
    public Task<Phase> SeriesAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = LastSixYearsMonths(today, 4755);
        return MeasureAsync("GetInvestmentSeries", calls, warmup, monitor, i =>
            client.GetInvestmentSeriesAsync(new GetInvestmentSeriesRequest { Year = periods[i % periods.Length].Year, ThroughMonth = periods[i % periods.Length].Month }, Options(cancellationToken)).ResponseAsync, cancellationToken);
    }

    /// <summary>
    /// GetCityRanking of the 24 months before the current one, rotating over every ranking figure the contract has
    /// (taken from its descriptor), in a fixed shuffled order of months.
    /// </summary>
    public Task<Phase> RankingAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = LastMonths(today, 24, 2025);
        var figures = GetCityRankingRequest.Descriptor.FindFieldByName("ranking").EnumType.Values.Where(v => v.Number != 0).Select(v => (CityRankingFigure)v.Number).ToArray();
        return MeasureAsync("GetCityRanking", calls, warmup, monitor, i =>
            client.GetCityRankingAsync(new GetCityRankingRequest { Period = periods[i % periods.Length], Ranking = figures[i % figures.Length] }, Options(cancellationToken)).ResponseAsync, cancellationToken);
    }

    /// <summary>
    /// GetInvestmentStats rotating over every grouping the contract has (taken from its descriptor), each over a
    /// year's months ending in one of the 24 months before the current one, a third of the calls with a filter on the
    /// projects counted (a tier).
    /// </summary>
    public Task<Phase> StatsAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var ends = LastMonths(today, 24, 2026).Select(p => DateOnly.ParseExact(p + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var groupings = GetInvestmentStatsRequest.Descriptor.FindFieldByName("group_by").EnumType.Values.Where(v => v.Number != 0).Select(v => (InvestmentGroupBy)v.Number).ToArray();
        return MeasureAsync("GetInvestmentStats", calls, warmup, monitor, i =>
        {
            var end = ends[i % ends.Length];
            var request = new GetInvestmentStatsRequest
            {
                GroupBy = groupings[i % groupings.Length],
                StartPeriod = end.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                EndPeriod = end.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Filter = i % 3 == 2 ? "tier != PROJECT_TIER_GUIDANCE" : string.Empty,
            };
            return client.GetInvestmentStatsAsync(request, Options(cancellationToken)).ResponseAsync;
        }, cancellationToken);
    }

    /// <summary>
    /// GetReportingStatus over the months of the last two years before the current one, in a fixed shuffled order: the
    /// province's counts per city and county of a month.
    /// </summary>
    public Task<Phase> ReportingStatusAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = LastMonths(today, 24, 2024);
        return MeasureAsync("GetReportingStatus", calls, warmup, monitor, i =>
            client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = periods[i % periods.Length] }, Options(cancellationToken)).ResponseAsync, cancellationToken);
    }

    /// <summary>
    /// ListMissingReports, a page of 50 of last month's or the month before's missing reports, rotating over the whole
    /// province, a city and a county (the clerks who chase them); every other call the next page of the one before.
    /// </summary>
    public Task<Phase> MissingReportsAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var months = Enumerable.Range(1, 2).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back)).Select(d => $"{d.Year:D4}-{d.Month:D2}").ToArray();
        (string City, string County)[] places = [(string.Empty, string.Empty), ("340100", string.Empty), (string.Empty, "340207"), ("341100", string.Empty)];
        var tokens = new string[months.Length * places.Length];
        return MeasureAsync("ListMissingReports", calls, warmup, monitor, async i =>
        {
            var q = i / 2 % tokens.Length;
            var request = new ListMissingReportsRequest
            {
                Period = months[q % months.Length],
                CityCode = places[q / months.Length].City,
                CountyCode = places[q / months.Length].County,
                PageSize = 50,
            };
            if (i % 2 == 1)
            {
                request.PageToken = tokens[q];
            }

            var page = await client.ListMissingReportsAsync(request, Options(cancellationToken));
            tokens[q] = page.NextPageToken;
        }, cancellationToken);
    }

    /// <summary>
    /// 审核: a county editor of each project's county submits this month's report (unmeasured; the seed reports through
    /// last month), then a province admin approves it (measured): the write that moves the project's cumulative total
    /// and its city's month. Projects under construction, in list order.
    /// </summary>
    public async Task<Phase> ReviewAsync(int calls, int warmup, DateOnly today, CancellationToken cancellationToken)
    {
        var projects = new List<Project>();
        var pageToken = string.Empty;
        do
        {
            var page = await client.ListProjectsAsync(
                new ListProjectsRequest { PageSize = 1000, Filter = "state = PROJECT_STATE_UNDER_CONSTRUCTION", PageToken = pageToken }, Options(cancellationToken));
            projects.AddRange(page.Projects);
            pageToken = page.NextPageToken;
        }
        while (projects.Count < calls + warmup && pageToken.Length > 0);

        var period = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var submitted = new List<InvestmentReport>();
        foreach (var project in projects.Take(calls + warmup))
        {
            var county = new Metadata { { "authorization", "Bearer " + BenchAuth.CountyEditor(project.CountyCode) } };
            submitted.Add(await client.ReportInvestmentAsync(
                new ReportInvestmentRequest { Parent = project.Name, Period = period, CompletedInvestmentYuan = 1_000 },
                new CallOptions(county, DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken)));
        }

        var warm = Math.Min(warmup, submitted.Count);
        return await MeasureAsync("ApproveInvestmentReport", submitted.Count - warm, warm, monitor, async i =>
            await client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted[i].Name, Etag = submitted[i].Etag }, Options(cancellationToken)),
            cancellationToken);
    }

    /// <summary>Every month of the last six years up to the current one, in an order shuffled by <paramref name="seed"/>.</summary>
    private static (int Year, int Month)[] LastSixYearsMonths(DateOnly today, int seed)
    {
        var periods = Enumerable.Range(today.Year - 5, 6)
            .SelectMany(year => Enumerable.Range(1, year == today.Year ? today.Month : 12).Select(month => (Year: year, Month: month)))
            .ToArray();
        new Random(seed).Shuffle(periods);
        return periods;
    }

    /// <summary>The <paramref name="count"/> months before the current one as <c>YYYY-MM</c>, in an order shuffled by <paramref name="seed"/>.</summary>
    private static string[] LastMonths(DateOnly today, int count, int seed)
    {
        var periods = Enumerable.Range(1, count)
            .Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back))
            .Select(d => $"{d.Year:D4}-{d.Month:D2}")
            .ToArray();
        new Random(seed).Shuffle(periods);
        return periods;
    }

    /// <summary>Streams <paramref name="rows"/> as fast as the channel takes them; the clock runs from the first write to the response.</summary>
    public async Task<ImportRun> ImportAsync(string name, IReadOnlyList<ImportProjectsRequest> rows, CancellationToken cancellationToken)
    {
        var cpu = monitor.CpuSeconds();
        var window = new CpuWindow();
        var started = Stopwatch.GetTimestamp();
        using var call = client.ImportProjects(new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10), cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(row, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var machine = window.Stop().MachineBusy;
        return new ImportRun(name, rows.Count, seconds, response, monitor.CpuSeconds() - cpu, machine, monitor.PeakRssBytes);
    }

    /// <summary>
    /// <paramref name="warmup"/> unmeasured calls, then <paramref name="calls"/> measured ones, one at a time; the
    /// service's CPU and the machine's load over the measured ones. Shared with the other services' benchmarks.
    /// </summary>
    internal static async Task<Phase> MeasureAsync(string name, int calls, int warmup, ServiceMonitor monitor, Func<int, Task> call, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var latencies = new double[calls];
        var cpu = monitor.CpuSeconds();
        var window = new CpuWindow();
        var phaseStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            await call(warmup + i);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var seconds = Stopwatch.GetElapsedTime(phaseStart).TotalSeconds;
        return new Phase(name, calls, LatencySummary.Of(latencies), null, seconds, monitor.CpuSeconds() - cpu, window.Stop().MachineBusy, monitor.PeakRssBytes);
    }

    internal static CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken);
}
