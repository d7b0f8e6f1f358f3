using System.Globalization;

namespace Industry.Benchmarks.Projects;

/// <summary>The <c>projects</c> command's settings, from arguments or, failing those, the environment.</summary>
internal sealed record ProjectsSettings : IBenchSettings
{
    public const string Usage = """
        usage: Industry.Benchmarks projects [options]

          --postgres CS          Npgsql connection string of a superuser (env BENCH_POSTGRES, else INDUSTRY_TEST_POSTGRES)
          --rabbitmq URI         amqp://user:password@host:port/vhost (env BENCH_RABBITMQ, else INDUSTRY_TEST_RABBITMQ)
          --output FILE          results file, markdown (default docs/benchmarks/projects-results.md under the repository)
          --projects N           projects seeded (default 50000)
          --reports N            investment reports seeded (default 1000000)
          --progress-calls N     measured GetPlanProgress calls, and as many GetDispatchBulletin (default 300)
          --list-calls N         measured ListProjects calls (default 300)
          --import-rows N        rows of the measured ImportProjects stream, half new projects, half changed ones (default 20000,
                                 at most 50000, the service's limit per call)
          --warmup N             unmeasured calls of each kind before measuring (default 30)
          --warmup-imports N     unmeasured ImportProjects streams of 2,000 rows before the measured one (default 30)
          --projects-dll PATH    the projects service (default services/projects/bin/Release/net10.0/Industry.Projects.dll)
          --keep-database        leave the seeded database in place (for EXPLAIN ANALYZE); its name is printed
          --fail-on-miss         exit 1 when a goal is missed (default: exit 0 once the results are written)

        The service reads its usual configuration from the environment, so its settings can be varied without a
        rebuild (e.g. Outbox__RelayEnabled=false); variables the benchmark sets itself take precedence.
        """;

    /// <summary>ImportProjects' limit per call (ProjectImportScreen.MaxRowsPerCall in the service).</summary>
    public const int MaxImportRows = 50_000;

    public required string PostgresAdmin { get; init; }

    public required Uri RabbitMq { get; init; }

    public required string Output { get; init; }

    public required string ProjectsDll { get; init; }

    public int Projects { get; init; } = 50_000;

    public int Reports { get; init; } = 1_000_000;

    public int ProgressCalls { get; init; } = 300;

    public int ListCalls { get; init; } = 300;

    /// <summary>Approvals measured (each of a county editor's report entered unmeasured just before).</summary>
    public int ReviewCalls { get; init; } = 300;

    public int ImportRows { get; init; } = 20_000;

    public int Warmup { get; init; } = 30;

    public int WarmupImports { get; init; } = 30;

    public bool KeepDatabase { get; init; }

    public bool FailOnMiss { get; init; }

    /// <summary>The command line that reproduces this run, for the results file.</summary>
    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"projects --projects {Projects} --reports {Reports} --progress-calls {ProgressCalls} --list-calls {ListCalls} --review-calls {ReviewCalls} --import-rows {ImportRows} --warmup {Warmup} --warmup-imports {WarmupImports}");

    public static ProjectsSettings Parse(string[] args)
    {
        var options = new CommandArguments(args, "fail-on-miss", "keep-database");
        var settings = new ProjectsSettings
        {
            PostgresAdmin = options.Postgres(),
            RabbitMq = options.RabbitMq(),
            Output = Path.GetFullPath(options.Get("output") ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks", "projects-results.md")),
            ProjectsDll = Path.GetFullPath(options.Get("projects-dll")
                ?? Path.Combine(RepositoryPaths.Root, "services", "projects", "bin", "Release", "net10.0", "Industry.Projects.dll")),
            Projects = options.Number("projects", 50_000, minimum: 100),
            Reports = options.Number("reports", 1_000_000, minimum: 0),
            ProgressCalls = options.Number("progress-calls", 300),
            ListCalls = options.Number("list-calls", 300),
            ReviewCalls = options.Number("review-calls", 300),
            ImportRows = options.Number("import-rows", 20_000, minimum: 2),
            Warmup = options.Number("warmup", 30, minimum: 0),
            WarmupImports = options.Number("warmup-imports", 30, minimum: 0),
            KeepDatabase = options.Flag("keep-database"),
            FailOnMiss = options.Flag("fail-on-miss"),
        };
        options.RequireAllRead();
        if (settings.ImportRows > MaxImportRows)
        {
            throw new ArgumentException($"--import-rows: the service takes at most {MaxImportRows} rows per ImportProjects call");
        }

        if (settings.ImportRows / 2 > settings.Projects)
        {
            throw new ArgumentException("--import-rows: half of the rows change seeded projects, so it may be at most twice --projects");
        }

        return settings;
    }
}
