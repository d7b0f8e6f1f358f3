using System.Globalization;

namespace Industry.Benchmarks;

/// <summary>
/// CPU time of the PostgreSQL and RabbitMQ servers the benchmark runs against: each root process named by
/// <c>BENCH_POSTGRES_PID</c> / <c>BENCH_RABBITMQ_PID</c> (the postmaster, the Erlang VM; set by the bench scripts) and
/// its live descendants, plus what the root reaped from exited children (<c>/proc/[pid]/stat</c>). Zero when unset or
/// outside Linux: the servers were someone else's, and their CPU is not this run's to count.
/// </summary>
internal readonly record struct ServerCpu(TimeSpan Postgres, TimeSpan RabbitMq)
{
    /// <summary>Clock ticks per second of <c>/proc/[pid]/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static ServerCpu Read()
    {
        var processes = Processes();
        return new ServerCpu(TreeCpu(processes, "BENCH_POSTGRES_PID"), TreeCpu(processes, "BENCH_RABBITMQ_PID"));
    }

    public static ServerCpu operator -(ServerCpu end, ServerCpu start) => new(end.Postgres - start.Postgres, end.RabbitMq - start.RabbitMq);

    private static TimeSpan TreeCpu(Dictionary<int, (int Parent, long Own, long Reaped)> processes, string variable)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var root) || !processes.TryGetValue(root, out var rootStat))
        {
            return TimeSpan.Zero;
        }

        var ticks = rootStat.Own + rootStat.Reaped;
        var tree = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, stat) in processes)
            {
                if (!tree.Contains(pid) && tree.Contains(stat.Parent))
                {
                    tree.Add(pid);
                    ticks += stat.Own;
                    grew = true;
                }
            }
        }
        while (grew);

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Every process's parent, own CPU ticks (user + system) and reaped children's ticks.</summary>
    private static Dictionary<int, (int Parent, long Own, long Reaped)> Processes()
    {
        var processes = new Dictionary<int, (int, long, long)>();
        if (!Directory.Exists("/proc"))
        {
            return processes;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
                processes[pid] = ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while the folder was read.
            }
        }

        return processes;
    }
}
