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
        var periods = Enumerable.Range(today.Year - 5, 6)
            .SelectMany(year => Enumerable.Range(1, year == today.Year ? today.Month : 12).Select(month => (Year: year, Month: month)))
            .ToArray();
        new Random(4754).Shuffle(periods);
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
    public async Task<Phase> ListAsync(int calls, int warmup, CancellationToken cancellationToken)
    {
        (string Filter, string OrderBy)[] queries =
        [
            ("city_code = \"340100\" AND state = PROJECT_STATE_UNDER_CONSTRUCTION", string.Empty),
            ("tier = PROJECT_TIER_MAJOR", "total_investment_yuan desc"),
            ("industry = \"AUTO\" AND total_investment_yuan >= 500000000", string.Empty),
            ("county_code = \"340207\"", string.Empty),
            ("state = PROJECT_STATE_COMPLETED AND city_code = \"341100\"", "update_time desc"),
            ("digital_transformation = true AND tier = PROJECT_TIER_KEY", string.Empty),
        ];
        var tokens = new string[queries.Length];
        try
        {
            return await MeasureAsync("ListProjects", calls, warmup, monitor, async i =>
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
            return new Phase("ListProjects", 0, null, reason, 0, 0, double.NaN, monitor.PeakRssBytes);
        }
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
