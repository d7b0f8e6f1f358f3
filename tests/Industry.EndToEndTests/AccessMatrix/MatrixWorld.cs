using Google.Protobuf.Reflection;
using Grpc.Core;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// What the matrix needs of the running suite, prepared once: a resource of each kind in city A (in the county editor's
/// county), in another county of city A, and in city B, and which process hosts each suite service (found by asking
/// each service process, so a new service needs no hand list).
/// </summary>
internal sealed class MatrixWorld
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MatrixWorld? _world;

    private MatrixWorld(CityResources a, CityResources otherCountyOfA, CityResources b, IReadOnlyDictionary<string, ServiceProcess?> hosts)
    {
        A = a;
        OtherCountyOfA = otherCountyOfA;
        B = b;
        Hosts = hosts;
    }

    public CityResources A { get; }

    /// <summary>City A's resources outside the county editor's county: its city, not its county.</summary>
    public CityResources OtherCountyOfA { get; }

    public CityResources B { get; }

    /// <summary>The service process hosting each suite service, or null for one the gateway hosts itself.</summary>
    public IReadOnlyDictionary<string, ServiceProcess?> Hosts { get; }

    public static async Task<MatrixWorld> GetAsync(SuiteFixture fixture, RawCaller caller)
    {
        await Gate.WaitAsync();
        try
        {
            return _world ??= await CreateAsync(fixture, caller);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<MatrixWorld> CreateAsync(SuiteFixture fixture, RawCaller caller)
    {
        var a = await CityResources.CreateAsync(fixture.Gateway, CityResources.CityA, CityResources.CountyA);
        var otherCountyOfA = await CityResources.CreateAsync(fixture.Gateway, CityResources.CityA, CityResources.OtherCountyOfA);
        var b = await CityResources.CreateAsync(fixture.Gateway, CityResources.CityB, "340202"); // 镜湖区
        var hosts = new Dictionary<string, ServiceProcess?>();
        foreach (var service in MethodPermissions.SuiteServices())
        {
            hosts[service.FullName] = await HostOfAsync(fixture.Suite, service, caller);
        }

        return new MatrixWorld(a, otherCountyOfA, b, hosts);
    }

    /// <summary>The process that knows <paramref name="service"/>'s first method: it asks for a token where the others know no such method.</summary>
    private static async Task<ServiceProcess?> HostOfAsync(SuiteProcesses suite, ServiceDescriptor service, RawCaller caller)
    {
        var method = service.Methods[0];
        var request = (Google.Protobuf.IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        foreach (var process in new[] { suite.Cluster, suite.Projects, suite.Parks, suite.History })
        {
            var outcome = await caller.GrpcAsync(process.GrpcAddress, MethodPermissions.PathOf(method), request, null, CancellationToken.None);
            if (outcome.Code == StatusCode.Unauthenticated)
            {
                return process;
            }
        }

        return null;
    }
}
