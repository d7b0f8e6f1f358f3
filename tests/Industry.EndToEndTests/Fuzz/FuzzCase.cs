using Google.Protobuf.Reflection;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>A process that answers a proto service: the service itself, or the gateway for its own OverviewService.</summary>
internal sealed record FuzzTarget(ServiceDescriptor Service, ServiceProcess Process);

/// <summary>
/// One request of the fuzz, fixed when the cases are drawn (so a replay sends the same bytes): gRPC frames (one for
/// a unary method, several for a client stream) or an HTTP/JSON request.
/// </summary>
internal sealed record FuzzCase(int Id, FuzzTarget Target, MethodDescriptor Method, string Kind, string Detail, bool ViaGateway)
{
    public IReadOnlyList<byte[]> Frames { get; init; } = [];

    public HttpMethod? Verb { get; init; }

    public string Path { get; init; } = string.Empty;

    public byte[]? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>The status the case must get (an oversized message); null when any non-failure status will do.</summary>
    public Grpc.Core.StatusCode? Expected { get; init; }

    public bool IsHttp => Verb is not null;

    /// <summary>A write by AIP-131/132 naming: anything but Get and List.</summary>
    public bool IsWrite => IsHttp ? Verb != HttpMethod.Get : !(Method.Name.StartsWith("Get", StringComparison.Ordinal) || Method.Name.StartsWith("List", StringComparison.Ordinal));

    public override string ToString() =>
        $"#{Id} {Method.Service.Name}/{Method.Name} [{Kind}{(IsHttp ? $" {Verb} {Shorten(Path)}" : string.Empty)}{(ViaGateway ? ", via gateway" : string.Empty)}] {Detail}";

    private static string Shorten(string path) => path.Length > 120 ? path[..120] + "…" : path;
}

/// <summary>How a case was answered.</summary>
/// <param name="Code">A gRPC status code name, or <c>HTTP 400</c> (with the body's gRPC code when it has one).</param>
/// <param name="Success">OK, or an HTTP 2xx.</param>
/// <param name="Refused">Refused for what the request says, not for the state it met (INVALID_ARGUMENT, NOT_FOUND, …): replaying it must be refused again.</param>
/// <param name="Problems">What is wrong with the answer; empty when it is acceptable.</param>
internal sealed record FuzzOutcome(string Code, bool Success, bool Refused, IReadOnlyList<string> Problems);
