using System.Net;
using Grpc.Core;
using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.ServiceDefaults.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.Benchmarks.Projects;

/// <summary>
/// The cluster and parks services as the projects service's reference checks see them during the benchmark: a Kestrel
/// gRPC server in this process on a free loopback port where every cluster and park the seed names exists
/// (<c>GetCluster</c>, <c>GetPark</c>). The import then pays for its look-ups over real gRPC, without the benchmark
/// having to seed and run two more services.
/// </summary>
internal sealed class ReferenceServices : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReferenceServices(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    /// <summary>Lookups answered, for the report.</summary>
    public static int Calls => Volatile.Read(ref _calls);

    private static int _calls;

    public static async Task<ReferenceServices> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<ClusterLookups>();
        app.MapGrpcService<ParkLookups>();
        await app.StartAsync(cancellationToken);
        return new ReferenceServices(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ClusterLookups : ClusterService.ClusterServiceBase
    {
        public override Task<Industry.Clusters.V1.Cluster> GetCluster(GetClusterRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new Industry.Clusters.V1.Cluster { Name = request.Name });
        }
    }

    private sealed class ParkLookups : ParkService.ParkServiceBase
    {
        public override Task<Park> GetPark(GetParkRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            // Seeded parks are named after their county (parks/p{county}-{n}); the city rule (ADR 0017) compares the
            // park's city with the project's, so the answer carries it as the parks service's would.
            var county = request.Name["parks/p".Length..].Split('-')[0];
            return Task.FromResult(new Park { Name = request.Name, CityCode = Divisions.CityOf(county)?.Code ?? string.Empty });
        }
    }
}
