using System.Globalization;

namespace Industry.Benchmarks.Cluster;

/// <summary>The <c>cluster</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record ClusterSettings
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
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--fail-on-miss" or "--keep-database")
            {
                flags.Add(args[i][2..]);
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Get(string name, params string[] variables) =>
            values.Remove(name, out var value)
                ? value
                : variables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        int Number(string name, int fallback, int minimum = 1)
        {
            var text = Get(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum
                ? n
                : throw new ArgumentException($"--{name} must be an integer of at least {minimum}, got '{text}'");
        }

        var postgres = Get("postgres", "BENCH_POSTGRES", "INDUSTRY_TEST_POSTGRES")
            ?? throw new ArgumentException("no PostgreSQL: pass --postgres or set BENCH_POSTGRES");
        var rabbit = Get("rabbitmq", "BENCH_RABBITMQ", "INDUSTRY_TEST_RABBITMQ")
            ?? throw new ArgumentException("no RabbitMQ: pass --rabbitmq or set BENCH_RABBITMQ");
        var settings = new ClusterSettings
        {
            PostgresAdmin = postgres,
            RabbitMq = new Uri(rabbit),
            Output = Path.GetFullPath(Get("output") ?? Path.Combine(RepositoryRoot.Path, "docs", "benchmarks", "cluster-results.md")),
            ClusterDll = Path.GetFullPath(Get("cluster-dll")
                ?? Path.Combine(RepositoryRoot.Path, "services", "cluster", "bin", "Release", "net10.0", "Industry.Cluster.dll")),
            Enterprises = Number("enterprises", 700_000, minimum: 1_000),
            Clusters = Number("clusters", 5_000, minimum: 100),
            ProgressCalls = Number("progress-calls", 300),
            ListCalls = Number("list-calls", 300),
            Warmup = Number("warmup", 30, minimum: 0),
            KeepDatabase = flags.Contains("keep-database"),
            FailOnMiss = flags.Contains("fail-on-miss"),
        };
        return values.Count > 0 ? throw new ArgumentException($"unknown option --{values.Keys.First()}") : settings;
    }
}
