using System.Globalization;

namespace Industry.Benchmarks.Parks;

/// <summary>The <c>parks</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record ParksSettings
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
        var settings = new ParksSettings
        {
            PostgresAdmin = postgres,
            RabbitMq = new Uri(rabbit),
            Output = Path.GetFullPath(Get("output") ?? Path.Combine(RepositoryRoot.Path, "docs", "benchmarks", "parks-results.md")),
            ParksDll = Path.GetFullPath(Get("parks-dll")
                ?? Path.Combine(RepositoryRoot.Path, "services", "parks", "bin", "Release", "net10.0", "Industry.Parks.dll")),
            Parks = Number("parks", 3_000, minimum: 10),
            Transformations = Number("transformations", 200_000, minimum: 0),
            ProgressCalls = Number("progress-calls", 300),
            ListCalls = Number("list-calls", 300),
            Warmup = Number("warmup", 30, minimum: 0),
            KeepDatabase = flags.Contains("keep-database"),
            FailOnMiss = flags.Contains("fail-on-miss"),
        };
        return values.Count > 0 ? throw new ArgumentException($"unknown option --{values.Keys.First()}") : settings;
    }
}
