namespace Industry.Benchmarks;

/// <summary>What a service process under benchmark is started with.</summary>
internal static class BenchServices
{
    /// <summary>
    /// As in Production but for the tokens (<see cref="BenchAuth"/>): a throwaway page-token key, its database, the
    /// broker, and quiet logs (per-request Information logs would cost the service a large share of its throughput).
    /// </summary>
    public static Dictionary<string, string> Environment(string service, string connectionString, Uri rabbitMq)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Pagination__TokenKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            ["ConnectionStrings__" + service] = connectionString,
            ["Logging__Console__FormatterName"] = "simple",
        };
        BenchAuth.Configure(environment);
        foreach (var (key, value) in Broker.Settings(rabbitMq))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        foreach (var (category, level) in Logs.Quiet)
        {
            environment["Logging__LogLevel__" + category] = level;
        }

        return environment;
    }
}
