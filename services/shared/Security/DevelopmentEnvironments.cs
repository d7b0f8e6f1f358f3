using Microsoft.Extensions.Hosting;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// The environments in which the public development keys (the development token signing key and the page-token
/// fallback key) are accepted: an allow-list, because a deny-list of "Production" let any other name (<c>Staging</c>,
/// <c>prod</c>, a typo) run with keys anyone can read in the repository. Besides <c>Development</c> (the run script), the
/// test processes run as <c>Testing</c> and the benchmarks as <c>Benchmark</c>, both with throwaway keys of their own;
/// they keep their own names so that they do not load <c>appsettings.Development.json</c> (its public key and its
/// logging) in place of what they configure.
/// </summary>
public static class DevelopmentEnvironments
{
    public const string Testing = "Testing";

    public const string Benchmark = "Benchmark";

    /// <summary>The environment names, compared as <see cref="HostEnvironmentEnvExtensions.IsEnvironment"/> does (ignoring case).</summary>
    public static IReadOnlyList<string> Names { get; } = [Environments.Development, Testing, Benchmark];

    /// <summary>Whether <paramref name="environment"/> may use development keys; every other environment is treated as production.</summary>
    public static bool AcceptsDevelopmentKeys(this IHostEnvironment environment) =>
        Names.Any(environment.IsEnvironment);
}
