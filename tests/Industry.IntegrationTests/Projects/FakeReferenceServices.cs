using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The cluster and parks services as the projects service's reference checks see them: an in-test Kestrel gRPC server
/// on a free loopback port serving only <c>ClusterService.GetCluster</c> and <c>ParkService.GetPark</c> over a fixed set
/// of names, each in a city as the real services report it (<c>city_code</c>), plus two names that misbehave. Every
/// looked-up name is logged, so a test can tell whether a call was made.
/// </summary>
public sealed class FakeReferenceServices : IAsyncDisposable
{
    public const string Hefei = "340100";
    public const string Wuhu = "340200";

    /// <summary>Led by Hefei (合肥市), recognised at national level.</summary>
    public const string HefeiEv = "clusters/hefei-ev";

    /// <summary>Led by a county of Wuhu (芜湖市), recognised at provincial level: a "province-level" cluster is still one city's.</summary>
    public const string WuhuRobot = "clusters/wuhu-robot";

    /// <summary>A cluster whose answer names no city, which the real service never gives: the city rule must not wave it through.</summary>
    public const string NoCity = "clusters/no-city";

    public const string HefeiHitech = "parks/hefei-hitech";
    public const string WuhuEcon = "parks/wuhu-econ";

    /// <summary>A cluster whose lookup never answers: the call ends only at its deadline.</summary>
    public const string NeverAnswers = "clusters/never-answers";

    /// <summary>A park whose lookup answers UNIMPLEMENTED, as a version of a service that does not serve the method would.</summary>
    public const string Unimplemented = "parks/unimplemented";

    private static readonly Dictionary<string, Industry.Clusters.V1.Cluster> KnownClusters = new()
    {
        [HefeiEv] = new() { Name = HefeiEv, LeadDivisionCode = Hefei, CityCode = Hefei, State = ClusterState.Recognized, Level = ClusterLevel.National },
        [WuhuRobot] = new() { Name = WuhuRobot, LeadDivisionCode = "340207", CityCode = Wuhu, State = ClusterState.Recognized, Level = ClusterLevel.Provincial },
        [NoCity] = new() { Name = NoCity, State = ClusterState.Recognized, Level = ClusterLevel.Provincial },
    };

    private static readonly Dictionary<string, Park> KnownParks = new()
    {
        [HefeiHitech] = new() { Name = HefeiHitech, CountyCode = "340104", CityCode = Hefei },
        [WuhuEcon] = new() { Name = WuhuEcon, CountyCode = "340202", CityCode = Wuhu },
    };

    private readonly WebApplication _app;

    private FakeReferenceServices(WebApplication app, Uri address, CallLog calls)
    {
        _app = app;
        Address = address;
        Calls = calls;
    }

    public Uri Address { get; }

    public CallLog Calls { get; }

    public static async Task<FakeReferenceServices> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // not the projects service's appsettings.json beside the tests (its Kestrel ports)
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var calls = new CallLog();
        builder.Services.AddSingleton(calls);
        var app = builder.Build();
        app.MapGrpcService<Clusters>();
        app.MapGrpcService<Parks>();
        await app.StartAsync();
        return new FakeReferenceServices(app, new Uri($"http://127.0.0.1:{port}"), calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<T> AnswerAsync<T>(string name, CallLog calls, ServerCallContext context, Dictionary<string, T> known)
    {
        calls.Add(name);
        switch (name)
        {
            case NeverAnswers:
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                break;
            case Unimplemented:
                throw new RpcException(new Status(StatusCode.Unimplemented, "Method is unimplemented."));
        }

        return known.TryGetValue(name, out var found) ? found : throw new RpcException(new Status(StatusCode.NotFound, $"{name} does not exist."));
    }

    /// <summary>The names looked up so far, in order.</summary>
    public sealed class CallLog
    {
        private readonly ConcurrentQueue<string> _names = new();

        public int CountFor(string name) => _names.Count(n => n == name);

        internal void Add(string name) => _names.Enqueue(name);
    }

    private sealed class Clusters(CallLog calls) : ClusterService.ClusterServiceBase
    {
        public override Task<Industry.Clusters.V1.Cluster> GetCluster(GetClusterRequest request, ServerCallContext context) =>
            AnswerAsync(request.Name, calls, context, KnownClusters);
    }

    private sealed class Parks(CallLog calls) : ParkService.ParkServiceBase
    {
        public override Task<Park> GetPark(GetParkRequest request, ServerCallContext context) =>
            AnswerAsync(request.Name, calls, context, KnownParks);
    }
}
