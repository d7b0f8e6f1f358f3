using System.Globalization;

namespace Industry.Benchmarks.Cluster;

/// <summary>The <c>cluster</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record ClusterSettings : IBenchSettings
{
    public const string Usage = """
        usage: Industry.Benchmarks cluster [options]

          --postgres CS          Npgsql connection string of a superuser (env BENCH_POSTGRES, else INDUSTRY_TEST_POSTGRES)
          --rabbitmq URI         amqp://user:password@host:port/vhost (env BENCH_RABBITMQ, else INDUSTRY_TEST_RABBITMQ)
          --output FILE          results file, markdown (default docs/benchmarks/cluster-results.md under the repository)
          --enterprises N        enterprises seeded (default 700000)
          --clusters N           clusters seeded (default 5000)
          --progress-calls N     measured GetClusterProgress calls (default 300)
          --list-calls N         measured ListEnterprises calls (default 300)
          --warmup N             unmeasured calls of each kind before measuring (default 30)
          --cluster-dll PATH     the cluster service (default services/cluster/bin/Release/net10.0/Industry.Cluster.dll)
          --keep-database        leave the seeded database in place (for EXPLAIN ANALYZE); its name is printed
          --fail-on-miss         exit 1 when a goal is missed (default: exit 0 once the results are written)
        """;

    public required string PostgresAdmin { get; init; }

    public required Uri RabbitMq { get; init; }

    public required string Output { get; init; }

    public required string ClusterDll { get; init; }

    public int Enterprises { get; init; } = 700_000;

    public int Clusters { get; init; } = 5_000;

    public int ProgressCalls { get; init; } = 300;

    public int ListCalls { get; init; } = 300;

    public int Warmup { get; init; } = 30;

    public bool KeepDatabase { get; init; }

    public bool FailOnMiss { get; init; }

    /// <summary>The command line that reproduces this run, for the results file.</summary>
    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"cluster --enterprises {Enterprises} --clusters {Clusters} --progress-calls {ProgressCalls} --list-calls {ListCalls} --warmup {Warmup}");

    public static ClusterSettings Parse(string[] args)
    {
        var options = new CommandArguments(args, "fail-on-miss", "keep-database");
        var settings = new ClusterSettings
        {
            PostgresAdmin = options.Postgres(),
            RabbitMq = options.RabbitMq(),
            Output = Path.GetFullPath(options.Get("output") ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks", "cluster-results.md")),
            ClusterDll = Path.GetFullPath(options.Get("cluster-dll")
                ?? Path.Combine(RepositoryPaths.Root, "services", "cluster", "bin", "Release", "net10.0", "Industry.Cluster.dll")),
            Enterprises = options.Number("enterprises", 700_000, minimum: 1_000),
            Clusters = options.Number("clusters", 5_000, minimum: 100),
            ProgressCalls = options.Number("progress-calls", 300),
            ListCalls = options.Number("list-calls", 300),
            Warmup = options.Number("warmup", 30, minimum: 0),
            KeepDatabase = options.Flag("keep-database"),
            FailOnMiss = options.Flag("fail-on-miss"),
        };
        options.RequireAllRead();
        return settings;
    }
}
