namespace Industry.EndToEndTests.Quickstarts;

/// <summary>
/// A quickstart of <c>examples/</c> as its README runs it: the commands in order, from the repository's root (the last
/// one is the program; any before it prepare, e.g. generate code), the lines the program promises to print (see
/// <see cref="PromisedLines"/>), and a regular expression for what it says on stderr when the suite refuses its token.
/// </summary>
public sealed record Quickstart(string Language, IReadOnlyList<IReadOnlyList<string>> Commands, IReadOnlyList<string> Promises, string RefusedTokenError);

/// <summary>
/// Every quickstart the tests run, by language: to add one, add its entry here. Every quickstart creates a cluster of
/// its own (an id <c>quickstart-</c> + 12 hex digits) and prints its name in a <c>created</c> line captured as
/// <c>cluster</c>, which the tests then look up in the suite.
/// </summary>
public static class QuickstartCatalogue
{
    /// <summary>What a gRPC-and-events quickstart prints: the cluster it created, read back, and the event about it.</summary>
    private static readonly string[] GrpcAndEventPromises =
    [
        @"created (?<cluster>clusters/quickstart-[0-9a-f]{12})",
        "read {cluster} state=CLUSTER_STATE_CULTIVATING city=340100",
        @"event industry\.clusters\.v1\.ClusterCreated subject={cluster} version=1 id=[0-9a-f-]{36}",
    ];

    /// <summary>What the JSON/REST quickstart prints: the cluster it created, read back, and found by a filtered list.</summary>
    private static readonly string[] RestPromises =
    [
        @"created (?<cluster>clusters/quickstart-[0-9a-f]{12})",
        "read {cluster} state=CLUSTER_STATE_CULTIVATING city=340100",
        @"listed {cluster} among [1-9][0-9]* clusters with lead_division_code = ""340104"" AND state = CLUSTER_STATE_CULTIVATING",
    ];

    public static IReadOnlyDictionary<string, Quickstart> ByLanguage { get; } = new Quickstart[]
    {
        new(
            "python",
            [
                ["bash", "examples/python/generate.sh", "--tarball"], // the proto tarball from .build/packages/
                // Debian's interpreter, where python3-grpcio, python3-protobuf and python3-pika are installed.
                ["/usr/bin/python3", "examples/python/quickstart.py"],
            ],
            GrpcAndEventPromises,
            "^quickstart failed: gRPC call failed: UNAUTHENTICATED"),
        new(
            "csharp",
            [
                // The Industry.Contracts package from .build/packages/, which scripts/test.sh packs before the tests.
                ["dotnet", "build", "examples/csharp", "-c", "Release"],
                ["dotnet", "run", "--no-build", "--project", "examples/csharp", "-c", "Release"],
            ],
            GrpcAndEventPromises,
            "^quickstart failed: gRPC call failed: UNAUTHENTICATED"),
        new(
            "node",
            [
                // npm ci, the @industry/contracts package from .build/packages/, tsc.
                ["bash", "examples/node/prepare.sh"],
                ["node", "examples/node/dist/quickstart.js"],
            ],
            GrpcAndEventPromises,
            "^quickstart failed: gRPC call failed: UNAUTHENTICATED"),
        new(
            "curl",
            [["bash", "examples/curl/quickstart.sh"]],
            RestPromises,
            @"^quickstart failed: POST /v1/clusters\?\S+: HTTP 401"),
    }.ToDictionary(q => q.Language, StringComparer.Ordinal);

    public static TheoryData<string> Languages => [.. ByLanguage.Keys];
}
