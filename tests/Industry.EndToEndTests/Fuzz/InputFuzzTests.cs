using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.Overview.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using Xunit.Abstractions;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>
/// Security issue, point 5, "bad input never crashes or leaks": a bounded, seeded fuzz of every method of every
/// industry.* service, taken from the proto descriptors (a new method is fuzzed the day it lands), as a province admin
/// (so requests pass authorization and reach the handlers), over gRPC and JSON/REST, directly and (a sample) through the
/// gateway. Every answer must be a proper refusal or a success: never INTERNAL, UNKNOWN or DATA_LOSS (HTTP 500), never
/// a stack trace, SQL or file path in what the caller sees; the processes stay up; and a refused request stores nothing.
/// </summary>
/// <remarks>
/// "Stores nothing" is checked by replaying, after the run has settled, every case that was refused for what it said
/// (INVALID_ARGUMENT, RESOURCE_EXHAUSTED, …: refusals that do not depend on the state met) with each service's database
/// fingerprinted before and after: the replay must change no row in any service, and none of its writes may succeed.
/// The first pass cannot be judged that way, since plausible requests may rightly succeed and change the state.
/// </remarks>
[Collection(FuzzSuiteDefinition.Name)]
public sealed partial class InputFuzzTests(SuiteFixture fixture, ITestOutputHelper output) : IDisposable
{
    /// <summary>The run's seed: fixed, so CI runs the same cases every time; INDUSTRY_FUZZ_SEED explores others.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("INDUSTRY_FUZZ_SEED"), out var seed) ? seed : 20_260_517;

    private static readonly int ProbeHeaderKilobytes = 4_096;

    private static readonly JsonFormatter StatusFormatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    // Not NOT_FOUND: it depends on the state met, and a later case may create (or re-create, with a learnt code) what an
    // earlier one did not find, so a replay may rightly succeed.
    private static readonly StatusCode[] RefusedForInput = [StatusCode.InvalidArgument, StatusCode.OutOfRange, StatusCode.ResourceExhausted, StatusCode.Unimplemented];

    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<string, HttpClient> _http = new();

    private SuiteProcesses Suite => fixture.Suite;

    [Fact]
    public async Task EveryMethod_UnderHostileInput_NeverFailsInternally_LeaksNothing_AndStoresNothingWhenRefused()
    {
        var targets = new[]
        {
            new FuzzTarget(ClusterService.Descriptor, Suite.Cluster),
            new FuzzTarget(ProjectService.Descriptor, Suite.Projects),
            new FuzzTarget(ParkService.Descriptor, Suite.Parks),
            new FuzzTarget(OverviewService.Descriptor, Suite.Gateway),
        };
        var generator = new FuzzGenerator(targets.SelectMany(t => new[] { t.Service.File }.Concat(t.Service.File.Dependencies)).Distinct());
        await SeedAsync(generator);
        await LearnFromListsAsync(generator, targets);
        var cases = new FuzzCases(generator, new Random(Seed)).Draw(targets);
        var clock = Stopwatch.StartNew();

        var before = await FingerprintsAsync();
        var first = await RunAsync(cases);
        var afterFirst = await FingerprintsAsync();
        var refused = cases.Where(c => first[c.Id].Refused).ToList();
        var replay = await RunAsync(refused);
        var afterReplay = await FingerprintsAsync();
        clock.Stop();

        Report(targets, cases, first, refused.Count, clock.Elapsed, generator.CorpusSize);
        var problems = cases.SelectMany(c => first[c.Id].Problems.Select(p => (Case: c, Problem: p)))
            .Concat(refused.SelectMany(c => replay[c.Id].Problems.Select(p => (Case: c, Problem: "(replay) " + p))))
            .Concat(refused.Where(c => c.IsWrite && replay[c.Id].Success).Select(c => (Case: c, Problem: $"refused ({first[c.Id].Code}) at first, accepted when replayed")))
            .Select(p => (Kind: $"{p.Case.Method.FullName}: {ProblemKind().Match(p.Problem).Value}", Text: $"{p.Case}: {p.Problem}"))
            .Concat(afterFirst.Differences(afterReplay).Select(d => (Kind: "state " + d.Split(':')[0], Text: $"replaying {refused.Count} refused requests changed {d}")))
            .Concat((await ProcessProblemsAsync()).Select(p => (Kind: p, Text: p)))
            .ToList();
        var firstPassWrites = cases.Count(c => c.IsWrite && first[c.Id].Success);
        output.WriteLine($"first pass: {firstPassWrites} writes succeeded; state changed in {string.Join(", ", before.Differences(afterFirst))}");
        if (firstPassWrites == 0)
        {
            problems.AddRange(before.Differences(afterFirst).Select(d => (Kind: "state " + d.Split(':')[0], Text: $"no write succeeded, yet {d}")));
        }

        // One line per kind of problem (its first words) with a case that shows it; the seed replays them all.
        var kinds = problems.GroupBy(p => p.Kind).Select(g => $"{g.Count()}× {g.First().Text}").ToList();
        Assert.True(problems.Count == 0,
            $"Fuzz seed {Seed} (INDUSTRY_FUZZ_SEED): {problems.Count} problems in {cases.Count} cases + {refused.Count} replayed, {kinds.Count} kinds:\n"
            + string.Join('\n', kinds.Take(80)));
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        foreach (var client in _http.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>A few resources of each kind, so that plausible requests name things that exist and reach the database.</summary>
    private async Task SeedAsync(FuzzGenerator generator)
    {
        // Each call its own deadline: the first calls of a fresh suite are slow on a busy machine.
        static CallOptions Options() => new(deadline: DateTime.UtcNow.AddSeconds(60));
        var clusters = new ClusterService.ClusterServiceClient(Channel(Suite.Cluster));
        var projects = new ProjectService.ProjectServiceClient(Channel(Suite.Projects));
        var parks = new ParkService.ParkServiceClient(Channel(Suite.Parks));
        var serial = Random.Shared.Next(100_000, 999_999);

        var cluster = await clusters.CreateClusterAsync(new CreateClusterRequest
        {
            Cluster = new Cluster { DisplayName = "模糊测试集群", Kind = ClusterKind.AdvancedManufacturing, Industry = "industries/IT", LeadDivisionCode = "340104" },
        }, Options());
        var first17 = $"91340100{serial:D9}";
        var enterprise = await clusters.CreateEnterpriseAsync(new CreateEnterpriseRequest
        {
            Enterprise = new Enterprise { Uscc = first17 + UsccCheckCharacter(first17), DisplayName = "模糊测试企业" + serial, CountyCode = "340104", Gbt4754Class = "C3841", AboveSize = true, AboveSizeYear = 2024 },
        }, Options());
        var park = await parks.CreateParkAsync(new CreateParkRequest
        {
            Park = new Park { DisplayName = "模糊测试园区", CountyCode = "340104", ParkType = ParkType.NationalHighTechZone, LeadIndustry = "industries/IT", AboveSizeEnterpriseCount = 50 },
        }, Options());
        var project = await projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project
            {
                DisplayName = "模糊测试技改项目",
                ProjectCode = $"2024-340104-39-03-{serial:D6}",
                EnterpriseUscc = enterprise.Uscc,
                EnterpriseDisplayName = enterprise.DisplayName,
                CountyCode = "340104",
                Industry = "IT",
                Gbt4754Class = "C3971",
                Nature = ProjectNature.Renovation,
                TotalInvestmentYuan = 150_000_000,
                Cluster = cluster.Name,
                Park = park.Name,
            },
        }, Options());
        foreach (var message in new IMessage[] { cluster, enterprise, park, project })
        {
            generator.Learn(message);
        }
    }

    /// <summary>Learns from every List method's answer: top-level collections first, then the children of what they listed.</summary>
    private async Task LearnFromListsAsync(FuzzGenerator generator, IEnumerable<FuzzTarget> targets)
    {
        var lists = targets.SelectMany(t => t.Service.Methods.Where(m => m.Name.StartsWith("List", StringComparison.Ordinal) && !m.IsClientStreaming && !m.IsServerStreaming).Select(m => (t, m))).ToList();
        foreach (var round in new[] { false, true })
        {
            foreach (var (target, method) in lists)
            {
                var parent = method.InputType.FindFieldByName("parent");
                if ((parent is not null) != round)
                {
                    continue;
                }

                var parents = parent is null ? [null] : FuzzCases.PathPatterns(method).TryGetValue("parent", out var pattern) ? generator.NamesMatching(pattern).Take(3).Cast<string?>() : [];
                foreach (var name in parents)
                {
                    var request = new FuzzMessage(method.InputType);
                    if (name is not null)
                    {
                        request.Add(parent!, name);
                    }

                    var answer = await CallAsync(Channel(target.Process), method, [request.ToWire()]);
                    generator.Learn(method.OutputType.Parser.ParseFrom(answer));
                }
            }
        }
    }

    private Task<StateFingerprint> FingerprintsAsync() => StateFingerprint.SettledAsync(Suite.Databases, TimeSpan.FromSeconds(30));

    private async Task<ConcurrentDictionary<int, FuzzOutcome>> RunAsync(IReadOnlyList<FuzzCase> cases)
    {
        var outcomes = new ConcurrentDictionary<int, FuzzOutcome>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzzCase, _) =>
        {
            FuzzOutcome outcome;
            try
            {
                outcome = fuzzCase.IsHttp ? await SendJsonAsync(fuzzCase) : await SendGrpcAsync(fuzzCase);
            }
            catch (HttpRequestException) when (fuzzCase.Kind == "json oversized")
            {
                // The server refused the body before reading it all and closed the connection under the upload.
                outcome = new FuzzOutcome("connection closed", false, false, []);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = new FuzzOutcome("transport failure", false, false, [$"no answer: {ex.GetType().Name}: {ex.Message}"]);
            }

            outcomes[fuzzCase.Id] = outcome;
        });
        return outcomes;
    }

    private async Task<FuzzOutcome> SendGrpcAsync(FuzzCase fuzzCase)
    {
        var process = fuzzCase.ViaGateway ? Suite.Gateway : fuzzCase.Target.Process;
        try
        {
            await CallAsync(Channel(process), fuzzCase.Method, fuzzCase.Frames);
            var problems = fuzzCase.Expected is { } expected ? new[] { $"answered OK where {expected} was due" } : [];
            return new FuzzOutcome("OK", true, false, problems);
        }
        catch (RpcException ex)
        {
            var problems = new List<string>();
            var status = ex.GetRpcStatus();
            if (ex.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss)
            {
                problems.Add($"{ex.StatusCode}: {ex.Status.Detail}");
            }
            else if (fuzzCase.Expected is { } expected && ex.StatusCode != expected)
            {
                problems.Add($"{ex.StatusCode} where {expected} was due: {ex.Status.Detail}");
            }
            else if (ex.StatusCode == StatusCode.DeadlineExceeded)
            {
                problems.Add("no answer within the deadline");
            }
            else if (ex.StatusCode == StatusCode.Unavailable && status?.GetDetail<ErrorInfo>() is null)
            {
                problems.Add($"UNAVAILABLE from the transport (did the process fail?): {ex.Status.Detail}{await ProbeAsync(process, fuzzCase)}");
                return new FuzzOutcome(ex.StatusCode.ToString(), false, false, problems);
            }

            var seen = ex.Status.Detail + "\n" + (status is null ? string.Empty : StatusFormatter.Format(status)) + "\n"
                + string.Join('\n', ex.Trailers.Where(t => !t.IsBinary).Select(t => t.Value));
            problems.AddRange(Leaks(seen));
            return new FuzzOutcome(ex.StatusCode.ToString(), false, RefusedForInput.Contains(ex.StatusCode), problems);
        }
    }

    private async Task<FuzzOutcome> SendJsonAsync(FuzzCase fuzzCase)
    {
        var process = fuzzCase.ViaGateway ? Suite.Gateway : fuzzCase.Target.Process;
        var client = _http.GetOrAdd(process.Name, _ => TestTokens.Http(process.HttpAddress, timeout: TimeSpan.FromSeconds(30)));
        using var request = new HttpRequestMessage(fuzzCase.Verb!, new Uri(fuzzCase.Path, UriKind.Relative));
        if (fuzzCase.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzzCase.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(fuzzCase.ContentType) { CharSet = "utf-8" };
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var problems = new List<string>();
        var code = (int)response.StatusCode;
        var grpcCode = GrpcCodeOf(body);
        if (code is 500 or 501 or 502)
        {
            problems.Add($"HTTP {code}: {FuzzGenerator.Show(body)}");
        }

        // Over the body limit: 413, or 400 where a field in the path made the request invalid before the limit was reached.
        // Through the gateway the backend may refuse first and cut the forwarded upload, which the gateway reports as 503.
        if (fuzzCase.Kind == "json oversized" && code is not (413 or 400) && !(fuzzCase.ViaGateway && code == 503))
        {
            problems.Add($"HTTP {code} where 413 was due");
        }

        problems.AddRange(Leaks(body));
        var refused = code is 400 or 404 or 405 or 411 or 413 or 414 or 415 or 431
            && grpcCode is null or (int)StatusCode.InvalidArgument or (int)StatusCode.OutOfRange or (int)StatusCode.Unimplemented;
        return new FuzzOutcome($"HTTP {code}{(grpcCode is { } c ? $" ({(StatusCode)c})" : string.Empty)}", response.IsSuccessStatusCode, refused, problems);
    }

    /// <summary>What the call answers to a client that accepts any size of headers: the status a transport failure hid.</summary>
    private async Task<string> ProbeAsync(ServiceProcess process, FuzzCase fuzzCase)
    {
        var channel = _channels.GetOrAdd(process.Name + "-probe", _ => TestTokens.Channel(process.GrpcAddress, options: new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            HttpHandler = new SocketsHttpHandler { MaxResponseHeadersLength = ProbeHeaderKilobytes, EnableMultipleHttp2Connections = true },
        }));
        try
        {
            var answer = await CallAsync(channel, fuzzCase.Method, fuzzCase.Frames);
            return $" (with no header limit: OK, {answer.Length} bytes)";
        }
        catch (RpcException probe)
        {
            return $" (with no header limit: {probe.StatusCode}, a {probe.Status.Detail.Length}-character message, {probe.Trailers.Sum(t => t.IsBinary ? t.ValueBytes.Length : t.Value.Length)} bytes of trailers)";
        }
    }

    private static int? GrpcCodeOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<byte[]> CallAsync(GrpcChannel channel, MethodDescriptor descriptor, IReadOnlyList<byte[]> frames) =>
        DescriptorCalls.CallAsync(channel.CreateCallInvoker(), descriptor, frames, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));

    private static IEnumerable<string> Leaks(string text)
    {
        foreach (Match match in LeakPattern().Matches(text))
        {
            var start = Math.Max(0, match.Index - 60);
            yield return $"leaks \"{match.Value.Trim()}\" in: …{FuzzGenerator.Show(text.Substring(start, Math.Min(text.Length - start, 160)))}";
        }
    }

    private async Task<IEnumerable<string>> ProcessProblemsAsync()
    {
        var problems = new List<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var process in new[] { Suite.Cluster, Suite.Projects, Suite.Parks, Suite.Gateway })
        {
            if (process.HasExited)
            {
                problems.Add($"{process.Name} exited with code {process.ExitCode}:\n{process.RecentOutput}");
                continue;
            }

            using var live = await http.GetAsync(new Uri(process.HttpAddress, "/health/live"));
            if (!live.IsSuccessStatusCode)
            {
                problems.Add($"{process.Name}'s /health/live answered {(int)live.StatusCode}");
            }
        }

        return problems;
    }

    private void Report(IEnumerable<FuzzTarget> targets, IReadOnlyList<FuzzCase> cases, ConcurrentDictionary<int, FuzzOutcome> outcomes, int replayed, TimeSpan elapsed, int corpus)
    {
        output.WriteLine($"seed {Seed}: {cases.Count} cases ({cases.Count(c => c.ViaGateway)} via the gateway, {cases.Count(c => c.IsHttp)} JSON) over "
            + $"{targets.Sum(t => t.Service.Methods.Count)} methods, {replayed} refused ones replayed, {elapsed.TotalSeconds:F1} s, {corpus} values learnt");
        foreach (var group in cases.GroupBy(c => c.Method.Service.Name))
        {
            output.WriteLine($"{group.Key}: " + string.Join(", ", group.GroupBy(c => outcomes[c.Id].Code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        }
    }

    private GrpcChannel Channel(ServiceProcess process) => _channels.GetOrAdd(process.Name, _ => TestTokens.Channel(process.GrpcAddress, options: new GrpcChannelOptions { MaxReceiveMessageSize = null }));

    /// <summary>GB 32100-2015's check character of a USCC of digits only (the tests do not reference the services' shared library).</summary>
    private static char UsccCheckCharacter(string first17)
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var sum = first17.Select((c, i) => (c - '0') * (int)(Math.Pow(3, i) % 31)).Sum();
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    [GeneratedRegex(@"^[^:""…]{0,40}")]
    private static partial Regex ProblemKind();

    /// <summary>A stack trace, an exception's name, SQL or a database's name, a server-side file path.</summary>
    [GeneratedRegex(@"   at |Exception|\.cs:line|SELECT |INSERT |UPDATE [a-z_""]+ SET|DELETE FROM|Npgsql|SQLite|syntax error|(?<![\w.])/(home|work|usr|tmp|var|root|opt|app|src|proc|etc)/|[A-Za-z]:\\\\?[A-Za-z]|\.dll\b")]
    private static partial Regex LeakPattern();
}
