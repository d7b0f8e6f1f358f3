using System.Globalization;

namespace Industry.Benchmarks.Chaos;

/// <summary>The <c>chaos</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record ChaosSettings : IBenchSettings
{
    public const string Usage = """
        usage: Industry.Benchmarks chaos [options]

          --postgres CS          Npgsql connection string of a superuser (env BENCH_POSTGRES, else INDUSTRY_TEST_POSTGRES)
          --rabbitmq URI         amqp://user:password@host:port/vhost (env BENCH_RABBITMQ, else INDUSTRY_TEST_RABBITMQ)
          --rabbitmq-ctl PATH    rabbitmqctl reaching the broker's node, to stop and start it (env BENCH_RABBITMQ_CTL)
          --rabbitmq-node NODE   the broker's node name (env BENCH_RABBITMQ_NODE)
          --output FILE          results file, markdown (default docs/benchmarks/chaos-results.md under the repository)
          --minutes N            minutes of writes under faults (default 10)
          --seed N               the fault injector's seed (default 29: in 10 minutes, every kind of fault, every service's
                                 database refused, the projects service killed)
          --writers N            concurrent writers (default 4)
          --writes-per-second N  each writer's pace (default 3)
          --settle-seconds N     most seconds to wait after the last write for the backlog to drain (default 300)
          --fail-on-miss         exit 1 on a FAIL verdict (default: exit 0 once the results are written)
        """;

    public required string PostgresAdmin { get; init; }

    public required Uri RabbitMq { get; init; }

    public required string RabbitMqCtl { get; init; }

    public required string RabbitMqNode { get; init; }

    public required string Output { get; init; }

    public int Minutes { get; init; } = 10;

    public int Seed { get; init; } = 29;

    public int Writers { get; init; } = 4;

    public int WritesPerSecond { get; init; } = 3;

    public int SettleSeconds { get; init; } = 300;

    public bool FailOnMiss { get; init; }

    /// <summary>The service's Release build: <c>services/{folder}/bin/Release/net10.0/{assembly}.dll</c>.</summary>
    public static string ServiceDll(string folder, string assembly) =>
        Path.Combine(RepositoryPaths.Root, "services", folder, "bin", "Release", "net10.0", assembly + ".dll");

    /// <summary>The command line that reproduces this run, for the results file.</summary>
    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"chaos --minutes {Minutes} --seed {Seed} --writers {Writers} --writes-per-second {WritesPerSecond} --settle-seconds {SettleSeconds}");

    public static ChaosSettings Parse(string[] args)
    {
        var options = new CommandArguments(args, "fail-on-miss");
        var settings = new ChaosSettings
        {
            PostgresAdmin = options.Postgres(),
            RabbitMq = options.RabbitMq(),
            RabbitMqCtl = options.Get("rabbitmq-ctl", "BENCH_RABBITMQ_CTL")
                ?? throw new ArgumentException("no rabbitmqctl: pass --rabbitmq-ctl or set BENCH_RABBITMQ_CTL (scripts/bench-chaos.sh does)"),
            RabbitMqNode = options.Get("rabbitmq-node", "BENCH_RABBITMQ_NODE")
                ?? throw new ArgumentException("no broker node: pass --rabbitmq-node or set BENCH_RABBITMQ_NODE (scripts/bench-chaos.sh does)"),
            Output = Path.GetFullPath(options.Get("output") ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks", "chaos-results.md")),
            Minutes = options.Number("minutes", 10),
            Seed = options.Number("seed", 29, minimum: 0),
            Writers = options.Number("writers", 4),
            WritesPerSecond = options.Number("writes-per-second", 3),
            SettleSeconds = options.Number("settle-seconds", 300, minimum: 10),
            FailOnMiss = options.Flag("fail-on-miss"),
        };
        options.RequireAllRead();
        return settings;
    }
}
