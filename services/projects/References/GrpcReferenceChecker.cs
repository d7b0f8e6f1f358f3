using System.Collections.Concurrent;
using Grpc.Core;
using Industry.Clusters.V1;
using Industry.Parks.V1;

namespace Industry.Projects.References;

/// <summary>
/// <see cref="IReferenceChecker"/> over gRPC: <c>ClusterService.GetCluster</c> and <c>ParkService.GetPark</c>, through the
/// suite's service clients (retries on UNAVAILABLE only, the caller's cancellation propagated). Each call has its own
/// deadline, <c>Services:&lt;name&gt;:DeadlineSeconds</c>, even under a longer deadline of the incoming call, so that a
/// stuck service is reported as UNAVAILABLE while the caller still waits for the answer.
/// OK means the resource exists, in the city its answer gives (<c>city_code</c>, which the city rule of ADR 0017 needs);
/// NOT_FOUND (or INVALID_ARGUMENT, a name that cannot exist) that it does not; anything
/// else (UNAVAILABLE, DEADLINE_EXCEEDED, and UNIMPLEMENTED while the owning service does not serve the method yet)
/// leaves it unverified.
/// </summary>
internal sealed partial class GrpcReferenceChecker(
    IServiceProvider services,
    ReferenceCheckOptions options,
    ILogger<GrpcReferenceChecker> logger) : IReferenceChecker
{
    // The clients are made on the first check, not with the checker: every call of ProjectService (a GetProject too)
    // constructs the write handlers and with them this checker, and making two gRPC clients for a read that checks
    // nothing was a fifth of GetProject's CPU in the profile (docs/benchmarks.md, "Cost per call").
    private ClusterService.ClusterServiceClient? _clusters;
    private ParkService.ParkServiceClient? _parks;

    // A race of the parallel look-ups makes a second client at worst; either serves.
    private ClusterService.ClusterServiceClient Clusters => _clusters ??= services.GetRequiredService<ClusterService.ClusterServiceClient>();

    private ParkService.ParkServiceClient Parks => _parks ??= services.GetRequiredService<ParkService.ParkServiceClient>();

    /// <summary>Calls in flight at once for a batch: enough for an import's references, gentle on the other services.</summary>
    private const int MaxParallelCalls = 8;

    public async Task<IReadOnlyDictionary<string, ReferenceAnswer>> LookUpAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var states = new ConcurrentDictionary<string, ReferenceAnswer>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            names.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCalls, CancellationToken = cancellationToken },
            async (name, token) => states[name] = await LookUpAsync(name, token));
        return states;
    }

    private async Task<ReferenceAnswer> LookUpAsync(string name, CancellationToken cancellationToken)
    {
        var service = ProjectReferences.OwnerOf(name);
        try
        {
            var city = service == "cluster"
                ? (await Clusters.GetClusterAsync(new GetClusterRequest { Name = name }, deadline: DateTime.UtcNow + options.ClusterDeadline, cancellationToken: cancellationToken)).CityCode
                : (await Parks.GetParkAsync(new GetParkRequest { Name = name }, deadline: DateTime.UtcNow + options.ParksDeadline, cancellationToken: cancellationToken)).CityCode;
            return new ReferenceAnswer(ReferenceState.Exists, city);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return ReferenceAnswer.Missing;
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnverified(logger, name, service, ex.StatusCode, ex.Status.Detail);
            return ReferenceAnswer.Unverified;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not verify {Name}: the {Service} service answered {Code} ({Detail})")]
    private static partial void LogUnverified(ILogger logger, string name, string service, StatusCode code, string detail);
}

/// <summary>The per-call deadlines of the reference checks.</summary>
internal sealed record ReferenceCheckOptions(TimeSpan ClusterDeadline, TimeSpan ParksDeadline);
