using System.Globalization;

namespace Industry.Benchmarks.Parks;

/// <summary>The <c>parks</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record ParksSettings : IBenchSettings
{
    public const string Usage = """
        usage: Industry.Benchmarks parks [options]

          --postgres CS          Npgsql connection string of a superuser (env BENCH_POSTGRES, else INDUSTRY_TEST_POSTGRES)
          --rabbitmq URI         amqp://user:password@host:port/vhost (env BENCH_RABBITMQ, else INDUSTRY_TEST_RABBITMQ)
          --output FILE          results file, markdown (default docs/benchmarks/parks-results.md under the repository)
          --parks N              parks seeded (default 3000)
          --transformations N    transformations seeded (default 200000)
          --progress-calls N     measured GetDigitalProgress calls (default 300)
          --list-calls N         measured ListTransformations calls (default 300)
          --warmup N             unmeasured calls of each kind before measuring (default 30)
          --parks-dll PATH       the parks service (default services/parks/bin/Release/net10.0/Industry.Parks.dll)
          --keep-database        leave the seeded database in place (for EXPLAIN ANALYZE); its name is printed
          --fail-on-miss         exit 1 when a goal is missed (default: exit 0 once the results are written)
        """;

    public required string PostgresAdmin { get; init; }

    public required Uri RabbitMq { get; init; }

    public required string Output { get; init; }

    public required string ParksDll { get; init; }

    public int Parks { get; init; } = 3_000;

    public int Transformations { get; init; } = 200_000;

    public int ProgressCalls { get; init; } = 300;

    public int ListCalls { get; init; } = 300;

    public int Warmup { get; init; } = 30;

    public bool KeepDatabase { get; init; }

    public bool FailOnMiss { get; init; }

    /// <summary>The command line that reproduces this run, for the results file.</summary>
    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"parks --parks {Parks} --transformations {Transformations} --progress-calls {ProgressCalls} --list-calls {ListCalls} --warmup {Warmup}");

    public static ParksSettings Parse(string[] args)
    {
        var options = new CommandArguments(args, "fail-on-miss", "keep-database");
        var settings = new ParksSettings
        {
            PostgresAdmin = options.Postgres(),
            RabbitMq = options.RabbitMq(),
            Output = Path.GetFullPath(options.Get("output") ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks", "parks-results.md")),
            ParksDll = Path.GetFullPath(options.Get("parks-dll")
                ?? Path.Combine(RepositoryPaths.Root, "services", "parks", "bin", "Release", "net10.0", "Industry.Parks.dll")),
            Parks = options.Number("parks", 3_000, minimum: 10),
            Transformations = options.Number("transformations", 200_000, minimum: 0),
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
