using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.Demo.Plan;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.Demo.Loading;

/// <summary>What a load did: the plan it loaded, or that the data set was there already.</summary>
public sealed record DemoLoadResult(DemoPlan Plan, bool AlreadyLoaded, TimeSpan Elapsed, int Calls);

/// <summary>
/// Sends a <see cref="DemoPlan"/> through the public gRPC API of a running suite (normally the gateway), as a client
/// would: standard and custom methods, ImportProjects for the projects, and the batch methods (AIP-233, up to
/// <see cref="BatchSize"/> items a call) for the many: enterprises, qualifications, transformations and monthly
/// investment reports. The caller configures the channel (address, credentials). The three services are loaded side by
/// side, at most <c>concurrency</c> calls in flight to each (more only queue on a service's database, SQLite's single
/// writer above all): the cluster service's enterprises, clusters and qualifications; the parks and their
/// transformations; the projects as soon as the clusters and parks they name exist. One record's own items (an
/// enterprise's grants, a transformation's steps, a project's transitions and then its reports) go in order, in one
/// batch. Progress counts records (a batch advances its phase by its items).
/// Then it waits until the services' progress figures agree with the plan (the event-driven ones follow a moment later).
/// </summary>
public static class DemoLoader
{
    /// <summary>
    /// Calls in flight to each service: enough that the single calls keep up with <see cref="CallsPerSecond"/> while
    /// another lane's batch holds a service's writer (the full set on SQLite: 104 s with 8, 147 s with 4).
    /// </summary>
    public const int DefaultConcurrency = 8;

    /// <summary>Items per batch call: large enough that the per-call cost (a commit, an fsync) fades, well under the 1,000 allowed.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Calls started per second at most: just under the gateway's default limit per caller (100/s, bursts of 200,
    /// docs/security.md), which a well-behaved client stays under rather than collecting RESOURCE_EXHAUSTED.
    /// </summary>
    public const int CallsPerSecond = 95;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<DemoLoadResult> LoadAsync(
        GrpcChannel channel,
        DemoScale scale,
        IProgress<DemoProgress>? progress,
        CancellationToken cancellationToken,
        int concurrency = DefaultConcurrency,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        clock ??= TimeProvider.System;
        var started = clock.GetTimestamp();
        var plan = DemoPlanBuilder.Build(scale);
        using var run = new Run(channel, plan, concurrency, clock);
        if (await run.AlreadyLoadedAsync(cancellationToken))
        {
            return new DemoLoadResult(plan, AlreadyLoaded: true, clock.GetElapsedTime(started), 0);
        }

        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportAsync(run, progress, started, clock, reporting.Token);
        try
        {
            await run.LoadAsync(cancellationToken);
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
            progress?.Report(new DemoProgress(run.Snapshot(), clock.GetElapsedTime(started), Finished: true));
        }

        return new DemoLoadResult(plan, AlreadyLoaded: false, clock.GetElapsedTime(started), run.Calls);
    }

    private static async Task ReportAsync(Run run, IProgress<DemoProgress>? progress, long started, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (progress is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                progress.Report(new DemoProgress(run.Snapshot(), clock.GetElapsedTime(started), Finished: false));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One load: the clients, the limit on calls in flight, the phases so far.</summary>
    private sealed class Run(GrpcChannel channel, DemoPlan plan, int concurrency, TimeProvider clock) : IDisposable
    {
        private readonly ClusterService.ClusterServiceClient _clusters = new(channel);
        private readonly ParkService.ParkServiceClient _parks = new(channel);
        private readonly ProjectService.ProjectServiceClient _projects = new(channel);
        private readonly SemaphoreSlim _clusterGate = new(concurrency);
        private readonly SemaphoreSlim _parkGate = new(concurrency);
        private readonly SemaphoreSlim _projectGate = new(concurrency);
        private readonly List<Phase> _phases = [];
        private readonly Lock _pace = new();
        private long _nextCall;
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public IReadOnlyList<PhaseProgress> Snapshot()
        {
            lock (_phases)
            {
                return [.. _phases.Select(p => p.Snapshot())];
            }
        }

        /// <summary>The data set is there when its first cluster is (a second load would only fail on ALREADY_EXISTS).</summary>
        public async Task<bool> AlreadyLoadedAsync(CancellationToken ct)
        {
            try
            {
                await _clusters.GetClusterAsync(new GetClusterRequest { Name = "clusters/" + DemoPlanBuilder.SpeechValleyId }, deadline: Deadline(), cancellationToken: ct);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var ct = failed.Token;
            await TargetsAsync(ct);

            // The clusters need their members and chain leaders, the projects need the clusters and parks they name.
            var inClusters = plan.Clusters.SelectMany(c => c.Members.Select(m => m.Uscc)).ToHashSet(StringComparer.Ordinal);
            var parks = Task.Run(() => ParksAsync(ct), ct);
            var clusters = Task.Run(
                async () =>
                {
                    await EnterprisesAsync("enterprises in clusters", [.. plan.Enterprises.Where(e => inClusters.Contains(e.Uscc))], ct);
                    await ClustersAsync(ct);
                },
                ct);
            var clusterLane = Task.Run(
                async () =>
                {
                    await clusters;
                    await ClusterDetailsAsync(ct);
                    await EnterprisesAsync("enterprises", [.. plan.Enterprises.Where(e => !inClusters.Contains(e.Uscc))], ct);
                    await QualificationsAsync(ct);
                    await RevenueAsync(ct);
                    await EnterpriseProgrammesAsync(ct);
                },
                ct);
            var parkLane = Task.Run(
                async () =>
                {
                    await parks;
                    await TransformationsAsync(ct);
                },
                ct);
            var projectLane = Task.Run(
                async () =>
                {
                    await Task.WhenAll(clusters, parks);
                    await ProjectsAsync(ct);
                    await ClosePeriodsAsync(ct);
                },
                ct);

            // The first lane to fail stops the others.
            var lanes = new List<Task> { clusterLane, parkLane, projectLane };
            while (lanes.Count > 0)
            {
                var done = await Task.WhenAny(lanes);
                lanes.Remove(done);
                if (!done.IsCompletedSuccessfully)
                {
                    await failed.CancelAsync();
                    await done; // throws its exception
                }
            }

            await RevokeParksAsync(ct);
            await SettleAsync(ct);
        }

        private async Task TargetsAsync(CancellationToken ct)
        {
            var phase = Start("targets", 3);
            await CallAsync(phase, "plan", () => _projects.UpdatePlanAsync(DemoRequests.Plan(plan.Targets), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
            await CallAsync(phase, "cluster targets", () => _clusters.UpdateClusterTargetsAsync(DemoRequests.ClusterTargets(plan.Targets), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
            await CallAsync(phase, "digital targets", () => _parks.UpdateDigitalTargetsAsync(DemoRequests.DigitalTargets(plan.Targets), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
            phase.Finish();
        }

        private Task ParksAsync(CancellationToken ct) =>
            ForEachAsync("parks", _parkGate, plan.Parks, p => 1 + p.Outcome switch { ParkOutcome.Applied => 0, ParkOutcome.UnderReview => 1, _ => 2 }, async (park, phase) =>
            {
                var name = "parks/" + park.Id;
                await CallAsync(phase, name, () => _parks.CreateParkAsync(DemoRequests.Create(park), deadline: Deadline(), cancellationToken: ct).ResponseAsync, alreadyDone: true);
                if (park.Outcome == ParkOutcome.Applied)
                {
                    return;
                }

                await CallAsync(phase, name, () => _parks.SubmitParkAsync(new SubmitParkRequest { Name = name }, deadline: Deadline(), cancellationToken: ct).ResponseAsync);
                await (park.Outcome switch
                {
                    ParkOutcome.UnderReview => Task.CompletedTask,
                    ParkOutcome.Rejected => CallAsync(phase, name, () => _parks.RejectParkAsync(
                        new RejectParkRequest { Name = name, Reason = "数字化改造覆盖率未达到认定要求。" }, deadline: Deadline(), cancellationToken: ct).ResponseAsync),
                    _ => CallAsync(phase, name, () => _parks.CertifyParkAsync(
                        new CertifyParkRequest { Name = name, Year = park.CertificationYear, Batch = park.CertificationBatch }, deadline: Deadline(), cancellationToken: ct).ResponseAsync),
                });
            }, ct);

        /// <summary>Enterprises in batches; a batch is atomic, so ALREADY_EXISTS after a retry means the first attempt got through.</summary>
        private Task EnterprisesAsync(string name, IReadOnlyList<DemoEnterprise> enterprises, CancellationToken ct) =>
            BatchesAsync(name, _clusterGate, enterprises.Select(e => new[] { DemoRequests.Create(e) }), (batch, phase) =>
                CallAsync(phase, $"BatchCreateEnterprises from {batch[0].Enterprise.Uscc}", () => _clusters.BatchCreateEnterprisesAsync(
                    new BatchCreateEnterprisesRequest { Requests = { batch } }, deadline: Deadline(), cancellationToken: ct).ResponseAsync, alreadyDone: true, items: batch.Count), ct);

        /// <summary>Qualifications, one enterprise's in year order in one batch: a little giant needs its specialised SME first.</summary>
        private Task QualificationsAsync(CancellationToken ct) =>
            BatchesAsync("qualifications", _clusterGate, plan.Qualifications.GroupBy(q => q.Uscc).Select(g => g.OrderBy(q => q.Year).ThenBy(q => q.Type).Select(DemoRequests.Grant).ToList()), (batch, phase) =>
                CallAsync(phase, $"BatchGrantQualifications from {batch[0].Name}", () => _clusters.BatchGrantQualificationsAsync(
                    new BatchGrantQualificationsRequest { Requests = { batch } }, deadline: Deadline(), cancellationToken: ct).ResponseAsync, items: batch.Count), ct);

        /// <summary>The clusters themselves first: the projects wait for them, not for their recognitions and members.</summary>
        private Task ClustersAsync(CancellationToken ct) =>
            ForEachAsync("clusters", _clusterGate, plan.Clusters, _ => 1, (cluster, phase) =>
                CallAsync(phase, "clusters/" + cluster.Id, () => _clusters.CreateClusterAsync(DemoRequests.Create(cluster), deadline: Deadline(), cancellationToken: ct).ResponseAsync), ct);

        private Task ClusterDetailsAsync(CancellationToken ct) =>
            ForEachAsync("cluster recognitions and members", _clusterGate, plan.Clusters, c => c.Recognitions.Count + c.Members.Count + (c.RevocationReason is null ? 0 : 1), async (cluster, phase) =>
            {
                var name = "clusters/" + cluster.Id;
                foreach (var r in cluster.Recognitions)
                {
                    await CallAsync(phase, name, () => _clusters.RecognizeClusterAsync(new RecognizeClusterRequest { Name = name, Level = r.Level, Year = r.Year }, deadline: Deadline(), cancellationToken: ct).ResponseAsync);
                }

                foreach (var m in cluster.Members)
                {
                    await CallAsync(phase, name, () => _clusters.CreateClusterMemberAsync(DemoRequests.Member(cluster, m), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
                }

                if (cluster.RevocationReason is { } reason)
                {
                    await CallAsync(phase, name, () => _clusters.RevokeClusterAsync(new RevokeClusterRequest { Name = name, Reason = reason }, deadline: Deadline(), cancellationToken: ct).ResponseAsync);
                }
            }, ct);

        private Task RevenueAsync(CancellationToken ct) =>
            ForEachAsync("cluster revenue", _clusterGate, plan.RevenueReports, _ => 1, (r, phase) =>
                CallAsync(phase, $"clusters/{r.ClusterId} revenue {r.Period}", () => _clusters.ReportClusterRevenueAsync(DemoRequests.Revenue(r), deadline: Deadline(), cancellationToken: ct).ResponseAsync), ct);

        /// <summary>The China Speech Valley's revenue target (C14) and its members' per-mu evaluations (ADR 0041).</summary>
        private async Task EnterpriseProgrammesAsync(CancellationToken ct)
        {
            var target = Start("cluster revenue target", 1);
            await CallAsync(target, "C14", () => _clusters.UpdateClusterTargetsAsync(DemoRequests.ClusterRevenueTargets(plan.Targets), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
            target.Finish();
            await ForEachAsync("per-mu evaluations", _clusterGate, DemoEnterpriseProgrammes.SpeechValleyEvaluations(plan), _ => 1, (e, phase) =>
                CallAsync(phase, $"enterprises/{e.Uscc}/perMuEvaluations/{e.Evaluation.Year}", () => _clusters.CreatePerMuEvaluationAsync(
                    new CreatePerMuEvaluationRequest { Parent = "enterprises/" + e.Uscc, PerMuEvaluation = e.Evaluation }, deadline: Deadline(), cancellationToken: ct).ResponseAsync), ct);
        }

        private Task TransformationsAsync(CancellationToken ct) =>
            BatchesAsync("transformations", _parkGate, plan.Transformations.Select(t => t.Steps.Select(step => DemoRequests.Record(t, step)).ToList()), (batch, phase) =>
                CallAsync(phase, $"BatchRecordTransformations from {batch[0].Parent}/transformations/{batch[0].EnterpriseUscc}", () => _parks.BatchRecordTransformationsAsync(
                    new BatchRecordTransformationsRequest { Parent = "parks/-", Requests = { batch } }, deadline: Deadline(), cancellationToken: ct).ResponseAsync, items: batch.Count), ct);

        /// <summary>The park that lost its certification: after its transformations, which a revoked park no longer takes.</summary>
        private Task RevokeParksAsync(CancellationToken ct) =>
            ForEachAsync("park revocations", _parkGate, [.. plan.Parks.Where(p => p.Outcome == ParkOutcome.CertifiedThenRevoked)], _ => 1, (park, phase) =>
                CallAsync(phase, "parks/" + park.Id, () => _parks.RevokeParkAsync(
                    new RevokeParkRequest { Name = "parks/" + park.Id, Reason = "复核发现示范带动作用不足,撤销认定。" }, deadline: Deadline(), cancellationToken: ct).ResponseAsync), ct);

        /// <summary>The sheet in one ImportProjects stream, then each project's transitions in order, then the monthly reports in batches.</summary>
        private async Task ProjectsAsync(CancellationToken ct)
        {
            var import = Start("project import", plan.Projects.Count);
            await _projectGate.WaitAsync(ct);
            try
            {
                using var call = _projects.ImportProjects(deadline: clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(5), cancellationToken: ct);
                var row = 0;
                foreach (var p in plan.Projects)
                {
                    await call.RequestStream.WriteAsync(DemoRequests.Row(++row, p), ct);
                    import.Advance();
                }

                await call.RequestStream.CompleteAsync();
                var response = await call;
                Interlocked.Increment(ref _calls);
                if (response.FailedCount > 0)
                {
                    var first = response.Failures[0];
                    throw new DemoLoadException(
                        $"ImportProjects rejected {response.FailedCount} of {response.RowCount} rows; row {first.RowNumber} ({first.ProjectCode}): {first.Code} {first.Message} {string.Join("; ", first.FieldViolations.Select(v => $"{v.Field}: {v.Description}"))}");
                }
            }
            catch (RpcException e)
            {
                throw DemoLoadException.Of("ImportProjects", e);
            }
            finally
            {
                _projectGate.Release();
            }

            import.Finish();
            var started = plan.Projects.Where(p => p.Transitions.Count > 0).ToList();
            // A chunk of projects: their transitions one by one, then their reports in one batch (so the reports of one
            // chunk load while the next chunk's projects start).
            var chunks = Chunk(started.Select(p => new[] { p }), p => p.Reports.Count);
            await ForEachAsync("project transitions and reports", _projectGate, chunks, c => c.Sum(p => p.Transitions.Count + p.Reports.Count), async (chunk, phase) =>
            {
                foreach (var p in chunk)
                {
                    foreach (var t in p.Transitions)
                    {
                        await CallAsync(phase, $"{p.Name} → {t.State}", () => _projects.TransitionProjectAsync(DemoRequests.Transition(p, t), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
                    }
                }

                var batch = chunk.SelectMany(p => p.Reports.Select(r => DemoRequests.Report(p, r))).ToList();
                if (batch.Count > 0)
                {
                    await CallAsync(phase, $"BatchReportInvestments from {batch[0].Parent}/investmentReports/{batch[0].Period}", () => _projects.BatchReportInvestmentsAsync(
                        new BatchReportInvestmentsRequest { Parent = "projects/-", Requests = { batch } }, deadline: Deadline(), cancellationToken: ct).ResponseAsync, items: batch.Count);
                }
            }, ct);
        }

        /// <summary>
        /// 月度关账: the dispatch year's closed months, in calendar order, once every report is in (a month's published
        /// figures are taken at its close). As a province admin, the caller the loader is.
        /// </summary>
        private async Task ClosePeriodsAsync(CancellationToken ct)
        {
            var periods = plan.DispatchCycle.ClosedPeriods.ToList();
            var phase = Start("months closed", periods.Count);
            foreach (var period in periods)
            {
                await CallAsync(phase, "reportingPeriods/" + period, () => _projects.ClosePeriodAsync(DemoRequests.Close(period), deadline: Deadline(), cancellationToken: ct).ResponseAsync);
            }

            phase.Finish();
        }

        /// <summary>
        /// Waits until the progress of every year agrees with the plan: the transformations of completed digital projects
        /// reach the parks service by event, a moment after the projects service answered.
        /// </summary>
        private async Task SettleAsync(CancellationToken ct)
        {
            var years = Enumerable.Range(DemoVolumes.FirstYear, DemoVolumes.LastYear - DemoVolumes.FirstYear + 1).ToList();
            var phase = Start("events settle", years.Count);
            var deadline = clock.GetUtcNow() + TimeSpan.FromMinutes(2);
            var pending = years.ToList();
            while (pending.Count > 0)
            {
                foreach (var year in pending.ToList())
                {
                    var expected = DemoFigures.Of(plan, year).EnterprisesTransformed;
                    var actual = await _parks.GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = year }, deadline: Deadline(), cancellationToken: ct);
                    if (actual.EnterprisesTransformed.Actual >= expected)
                    {
                        pending.Remove(year);
                        phase.Advance();
                    }
                }

                if (pending.Count > 0)
                {
                    if (clock.GetUtcNow() > deadline)
                    {
                        throw new DemoLoadException($"The parks service has not recorded every transformation of a completed digital project after 2 minutes (years {string.Join(", ", pending)}).");
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500), clock, ct);
                }
            }

            phase.Finish();
        }

        private Phase Start(string name, int total)
        {
            var phase = new Phase(name, total, clock);
            lock (_phases)
            {
                _phases.Add(phase);
            }

            return phase;
        }

        /// <summary>Runs <paramref name="work"/> for every item, at most the run's concurrency in flight to the service of <paramref name="gate"/>.</summary>
        private async Task ForEachAsync<T>(string name, SemaphoreSlim gate, IReadOnlyList<T> items, Func<T, int> calls, Func<T, Phase, Task> work, CancellationToken ct)
        {
            var phase = Start(name, items.Sum(calls));
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (item, token) =>
            {
                await gate.WaitAsync(token);
                try
                {
                    await work(item, phase);
                }
                finally
                {
                    gate.Release();
                }
            });
            phase.Finish();
        }

        /// <summary>
        /// Sends the items of <paramref name="groups"/> in batches of about <see cref="BatchSize"/>, never splitting a group
        /// (one record's items, in order), at most the run's concurrency in flight to the service of <paramref name="gate"/>.
        /// </summary>
        private Task BatchesAsync<T>(string name, SemaphoreSlim gate, IEnumerable<IReadOnlyList<T>> groups, Func<List<T>, Phase, Task> send, CancellationToken ct) =>
            ForEachAsync(name, gate, Chunk(groups, _ => 1), b => b.Count, send, ct);

        /// <summary>The groups' elements in chunks of at most <see cref="BatchSize"/> by <paramref name="size"/>, never splitting a group (unless it alone is larger).</summary>
        private static List<List<T>> Chunk<T>(IEnumerable<IReadOnlyList<T>> groups, Func<T, int> size)
        {
            var chunks = new List<List<T>>();
            var current = new List<T>();
            var currentSize = 0;
            foreach (var group in groups.Where(g => g.Count > 0))
            {
                var groupSize = group.Sum(size);
                if (current.Count > 0 && currentSize + groupSize > BatchSize)
                {
                    chunks.Add(current);
                    (current, currentSize) = ([], 0);
                }

                current.AddRange(group);
                currentSize += groupSize;
            }

            if (current.Count > 0)
            {
                chunks.Add(current);
            }

            return chunks;
        }

        /// <summary>
        /// One call (of <paramref name="items"/> records), retried a few times when the service is unavailable or
        /// overloaded. With <paramref name="alreadyDone"/>, ALREADY_EXISTS after a retry means the first attempt got through.
        /// </summary>
        private async Task CallAsync<TResponse>(Phase phase, string what, Func<Task<TResponse>> call, bool alreadyDone = false, int items = 1)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await PaceAsync();
                    await call();
                    break;
                }
                catch (RpcException e) when (attempt < 5 && e.StatusCode == StatusCode.Unavailable)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock);
                }
                catch (RpcException e) when (attempt < 10 && e.StatusCode == StatusCode.ResourceExhausted)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock); // the gateway's Retry-After
                }
                catch (RpcException e) when (alreadyDone && attempt > 1 && e.StatusCode == StatusCode.AlreadyExists)
                {
                    break;
                }
                catch (RpcException e)
                {
                    throw DemoLoadException.Of(what, e);
                }
            }

            phase.Advance(items);
            Interlocked.Increment(ref _calls);
        }

        /// <summary>Waits for the next of <see cref="CallsPerSecond"/> slots, shared by every lane (the gateway counts the caller's calls together).</summary>
        private Task PaceAsync()
        {
            var now = clock.GetTimestamp();
            long slot;
            lock (_pace)
            {
                slot = Math.Max(now, _nextCall);
                _nextCall = slot + (clock.TimestampFrequency / CallsPerSecond);
            }

            return slot > now ? Task.Delay(clock.GetElapsedTime(now, slot), clock) : Task.CompletedTask;
        }

        private DateTime Deadline() => clock.GetUtcNow().UtcDateTime + CallTimeout;

        public void Dispose()
        {
            _clusterGate.Dispose();
            _parkGate.Dispose();
            _projectGate.Dispose();
        }
    }
}
