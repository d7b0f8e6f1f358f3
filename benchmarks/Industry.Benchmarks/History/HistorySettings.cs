using System.Globalization;

namespace Industry.Benchmarks.History;

/// <summary>The <c>history</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record HistorySettings : IBenchSettings
{
    public const string Usage = """
        usage: Industry.Benchmarks history [options]

          --postgres CS          Npgsql connection string of a superuser (env BENCH_POSTGRES, else INDUSTRY_TEST_POSTGRES)
          --rabbitmq URI         amqp://user:password@host:port/vhost (env BENCH_RABBITMQ, else INDUSTRY_TEST_RABBITMQ)
          --output FILE          results file, markdown (default docs/benchmarks/history-results.md under the repository)
          --changes N            stored changes bulk-loaded before the reads (default 10000000)
          --months N             months the stored changes spread over, up to the current one (default 36)
          --ingest-events N      events published to the exchanges for the ingest measurement (default 20000)
          --stream-events N      events read by one StreamEvents call (default 500000, at most --changes)
          --list-calls N         measured ListChanges calls (default 300)
          --search-calls N       measured SearchChanges calls (default 300)
          --warmup N             unmeasured calls of each kind before measuring (default 30)
          --history-dll PATH     the history service (default services/history/bin/Release/net10.0/Industry.History.dll)
          --keep-database        leave the seeded database in place (for EXPLAIN ANALYZE); its name is printed
          --fail-on-miss         exit 1 when a goal is missed (default: exit 0 once the results are written)
        """;

    public required string PostgresAdmin { get; init; }

    public required Uri RabbitMq { get; init; }

    public required string Output { get; init; }

    public required string HistoryDll { get; init; }

    public int Changes { get; init; } = 10_000_000;

    public int Months { get; init; } = 36;

    public int IngestEvents { get; init; } = 20_000;

    public int StreamEvents { get; init; } = 500_000;

    public int ListCalls { get; init; } = 300;

    public int SearchCalls { get; init; } = 300;

    public int Warmup { get; init; } = 30;

    public bool KeepDatabase { get; init; }

    public bool FailOnMiss { get; init; }

    /// <summary>The command line that reproduces this run, for the results file.</summary>
    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"history --changes {Changes} --months {Months} --ingest-events {IngestEvents} --stream-events {StreamEvents} --list-calls {ListCalls} --search-calls {SearchCalls} --warmup {Warmup}");

    public static HistorySettings Parse(string[] args)
    {
        var options = new CommandArguments(args, "fail-on-miss", "keep-database");
        var settings = new HistorySettings
        {
            PostgresAdmin = options.Postgres(),
            RabbitMq = options.RabbitMq(),
            Output = Path.GetFullPath(options.Get("output") ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks", "history-results.md")),
            HistoryDll = Path.GetFullPath(options.Get("history-dll")
                ?? Path.Combine(RepositoryPaths.Root, "services", "history", "bin", "Release", "net10.0", "Industry.History.dll")),
            Changes = options.Number("changes", 10_000_000, minimum: 1_000),
            Months = options.Number("months", 36, minimum: 1),
            IngestEvents = options.Number("ingest-events", 20_000),
            StreamEvents = options.Number("stream-events", 500_000),
            ListCalls = options.Number("list-calls", 300),
            SearchCalls = options.Number("search-calls", 300),
            Warmup = options.Number("warmup", 30, minimum: 0),
            KeepDatabase = options.Flag("keep-database"),
            FailOnMiss = options.Flag("fail-on-miss"),
        };
        options.RequireAllRead();
        return settings with { StreamEvents = Math.Min(settings.StreamEvents, settings.Changes) };
    }
}
