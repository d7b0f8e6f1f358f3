using Grpc.Net.Client;
using Industry.ServiceDefaults.Security;

namespace Industry.Benchmarks;

/// <summary>
/// Tokens for the service processes under benchmark. They run in the <c>Benchmark</c> environment, not Production, only
/// so that they accept this run's throwaway development key (Production takes an OIDC authority, which a benchmark has
/// not); everything else is configured as in Production. Every call carries a province admin's token and is checked as
/// any call is.
/// </summary>
internal static class BenchAuth
{
    public const string EnvironmentName = DevelopmentEnvironments.Benchmark; // an allow-listed development environment

    public static readonly SuiteAuthenticationOptions Options = new() { DevelopmentSigningKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()) };

    private static readonly string Token = DevelopmentTokens.Mint(Options, "benchmark", Roles.ProvinceAdmin, null, TimeSpan.FromHours(12));

    /// <summary>A county editor's token for <paramref name="countyCode"/> (the review scenario's submissions).</summary>
    public static string CountyEditor(string countyCode) =>
        DevelopmentTokens.Mint(Options, "benchmark-" + countyCode, Roles.CountyEditor, null, TimeSpan.FromHours(12), countyCode: countyCode);

    /// <summary>Sets the environment a service process needs to accept the benchmark's tokens.</summary>
    public static void Configure(IDictionary<string, string> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = EnvironmentName;
        environment["DOTNET_ENVIRONMENT"] = EnvironmentName;
        environment["Authentication__DevelopmentSigningKey"] = Options.DevelopmentSigningKey!;
    }

    /// <summary>A channel to a service process whose calls carry the benchmark's token.</summary>
    public static GrpcChannel Channel(int grpcPort) =>
        TestTokens.Channel(new Uri($"http://127.0.0.1:{grpcPort}"), Token, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
}
