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
/// of names, plus two names that misbehave. Every looked-up name is logged, so a test can tell whether a call was made.
/// </summary>
public sealed class FakeReferenceServices : IAsyncDisposable
{
    public const string HefeiEv = "clusters/hefei-ev";
    public const string WuhuRobot = "clusters/wuhu-robot";
    public const string HefeiHitech = "parks/hefei-hitech";
    public const string WuhuEcon = "parks/wuhu-econ";

    /// <summary>A cluster whose lookup never answers: the call ends only at its deadline.</summary>
    public const string NeverAnswers = "clusters/never-answers";

    /// <summary>A park whose lookup answers UNIMPLEMENTED, as the real services do until they serve the method.</summary>
    public const string Unimplemented = "parks/unimplemented";

    private static readonly HashSet<string> Known = [HefeiEv, WuhuRobot, HefeiHitech, WuhuEcon];

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

    private static async Task<T> AnswerAsync<T>(string name, CallLog calls, ServerCallContext context, Func<T> found)
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

        return Known.Contains(name) ? found() : throw new RpcException(new Status(StatusCode.NotFound, $"{name} does not exist."));
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
            AnswerAsync(request.Name, calls, context, () => new Industry.Clusters.V1.Cluster { Name = request.Name });
    }

    private sealed class Parks(CallLog calls) : ParkService.ParkServiceBase
    {
        public override Task<Park> GetPark(GetParkRequest request, ServerCallContext context) =>
            AnswerAsync(request.Name, calls, context, () => new Park { Name = request.Name });
    }
}
