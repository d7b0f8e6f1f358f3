using System.Globalization;

namespace Industry.Benchmarks;

/// <summary>The <c>events</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record EventsSettings : IBenchSettings
{
    public const string Usage = """
        usage: Industry.Benchmarks events [options]

          --postgres CS          Npgsql connection string of a superuser (env BENCH_POSTGRES, else INDUSTRY_TEST_POSTGRES)
          --rabbitmq URI         amqp://user:password@host:port/vhost (env BENCH_RABBITMQ, else INDUSTRY_TEST_RABBITMQ)
          --output FILE          results file, markdown (default docs/benchmarks/events-results.md under the repository)
          --raw-messages N       messages of the raw RabbitMQ.Client ceiling (default 50000)
          --events N             PlanUpdated events through the suite's pipeline (default 20000)
          --warmup N             unmeasured events / messages per warm-up round (default 2000); rounds repeat
                                 until the JIT compiler is busy at most 5 % of a round (at most 10 rounds)
          --insert-batch N       outbox rows per SaveChanges in the pipeline (default 100)
          --confirm-batch N      raw publisher: publishes in flight before awaiting their confirms (default 256)
          --raw-prefetch N       raw consumer's prefetch (default 256)
          --stage-events N       events per stage in the stages scenario (default 10000)
          --backlog N            outbox rows drained by the projects service in the memory scenario (default 100000)
          --projects-dll PATH    the projects service (default services/projects/bin/Release/net10.0/Industry.Projects.dll)
          --only LIST            scenarios to run, comma-separated: raw,pipeline,stages,memory (default all)
          --fail-on-miss         exit 1 when a goal is missed (default: exit 0 once the results are written)

        The pipeline host reads the usual configuration from the environment, so relay and consumer settings can be
        varied without a rebuild: Outbox__BatchSize, RabbitMq__PrefetchCount, RabbitMq__ConcurrentMessageLimit, ...
        """;

    public required string PostgresAdmin { get; init; }

    public required Uri RabbitMq { get; init; }

    public required string Output { get; init; }

    public required string ProjectsDll { get; init; }

    public int RawMessages { get; init; } = 50_000;

    public int PipelineEvents { get; init; } = 20_000;

    public int Warmup { get; init; } = 2_000;

    public int InsertBatch { get; init; } = 100;

    public int ConfirmBatch { get; init; } = 256;

    public int RawPrefetch { get; init; } = 256;

    public int Backlog { get; init; } = 100_000;

    public int StageEvents { get; init; } = 10_000;

    public bool RunRaw { get; init; } = true;

    public bool RunPipeline { get; init; } = true;

    public bool RunStages { get; init; } = true;

    public bool RunMemory { get; init; } = true;

    public bool FailOnMiss { get; init; }

    public static EventsSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var failOnMiss = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--fail-on-miss")
            {
                failOnMiss = true;
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Get(string name, params string[] variables)
        {
            if (values.Remove(name, out var value))
            {
                return value;
            }

            return variables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        }

        int Number(string name, int fallback)
        {
            var text = Get(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"--{name} must be a positive integer, got '{text}'");
        }

        var postgres = Get("postgres", "BENCH_POSTGRES", "INDUSTRY_TEST_POSTGRES")
            ?? throw new ArgumentException("no PostgreSQL: pass --postgres or set BENCH_POSTGRES");
        var rabbit = Get("rabbitmq", "BENCH_RABBITMQ", "INDUSTRY_TEST_RABBITMQ")
            ?? throw new ArgumentException("no RabbitMQ: pass --rabbitmq or set BENCH_RABBITMQ");
        var only = (Get("only") ?? "raw,pipeline,stages,memory").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = only.Except(["raw", "pipeline", "stages", "memory"], StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--only: unknown scenario '{unknown[0]}'");
        }

        var settings = new EventsSettings
        {
            PostgresAdmin = postgres,
            RabbitMq = new Uri(rabbit),
            Output = Path.GetFullPath(Get("output") ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks", "events-results.md")),
            ProjectsDll = Path.GetFullPath(Get("projects-dll")
                ?? Path.Combine(RepositoryPaths.Root, "services", "projects", "bin", "Release", "net10.0", "Industry.Projects.dll")),
            RawMessages = Number("raw-messages", 50_000),
            PipelineEvents = Number("events", 20_000),
            Warmup = Number("warmup", 2_000),
            InsertBatch = Number("insert-batch", 100),
            ConfirmBatch = Number("confirm-batch", 256),
            RawPrefetch = Number("raw-prefetch", 256),
            Backlog = Number("backlog", 100_000),
            StageEvents = Number("stage-events", 10_000),
            RunRaw = only.Contains("raw"),
            RunPipeline = only.Contains("pipeline"),
            RunStages = only.Contains("stages"),
            RunMemory = only.Contains("memory"),
            FailOnMiss = failOnMiss,
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()}");
        }

        return settings;
    }
}
