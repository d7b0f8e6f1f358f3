using System.Diagnostics;
using Npgsql;

namespace Industry.Benchmarks.Chaos;

internal enum FaultKind
{
    /// <summary>RabbitMQ's application stopped (<c>rabbitmqctl stop_app</c>): every connection drops; durable queues stay.</summary>
    BrokerStopped,

    /// <summary>A service's database refuses connections (<c>ALLOW_CONNECTIONS false</c>) and its sessions are terminated.</summary>
    DatabaseRefused,

    /// <summary>A service process SIGKILLed, then started again.</summary>
    ProcessKilled,
}

/// <summary>
/// One fault as injected: what, on what, when it began and when it was lifted (the service live again, for a kill), and
/// why lifting it failed, if it did.
/// </summary>
internal sealed record Fault(int Number, FaultKind Kind, string Target, DateTime Start, DateTime Lifted, string? Failure = null)
{
    public TimeSpan Duration => Lifted - Start;
}

/// <summary>A planned fault: kind, target, how long it lasts (for a kill: the pause before the restart), and the quiet time after it.</summary>
internal sealed record PlannedFault(FaultKind Kind, string Target, TimeSpan Duration, TimeSpan QuietAfter);

/// <summary>
/// Injects faults one after another on a fixed seed while the writers run: the kinds in a shuffled order per round (so a
/// short run sees each kind once), database outages of 15 to 60 s, broker stops of 10 to 45 s, kills restarted after 1
/// to 10 s, and 15 to 40 s of quiet between two faults. The same seed gives the same plan; only the moments slip with
/// how long restarts take on the machine.
/// </summary>
internal sealed class FaultInjector(ChaosSettings settings, ChaosSuite suite)
{
    private static readonly TimeSpan QuietBeforeFirst = TimeSpan.FromSeconds(20);
    private readonly List<Fault> _faults = [];

    public IReadOnlyList<Fault> Faults => _faults;

    /// <summary>The seed's plan, without end: the run takes as many as fit.</summary>
    public static IEnumerable<PlannedFault> Plan(int seed)
    {
        var random = new Random(seed);
        FaultKind[] kinds = [FaultKind.BrokerStopped, FaultKind.DatabaseRefused, FaultKind.ProcessKilled];
        while (true)
        {
            random.Shuffle(kinds);
            foreach (var kind in kinds)
            {
                var quiet = TimeSpan.FromSeconds(random.Next(15, 41));
                yield return kind switch
                {
                    FaultKind.BrokerStopped => new PlannedFault(kind, "rabbitmq", TimeSpan.FromSeconds(random.Next(10, 46)), quiet),
                    FaultKind.DatabaseRefused => new PlannedFault(kind, ChaosSuite.Services[random.Next(ChaosSuite.Services.Length)], TimeSpan.FromSeconds(random.Next(15, 61)), quiet),
                    _ => new PlannedFault(kind, ChaosSuite.Services[random.Next(ChaosSuite.Services.Length)], TimeSpan.FromSeconds(random.Next(1, 11)), quiet),
                };
            }
        }
    }

    /// <summary>Injects faults until <paramref name="end"/>: a fault that would not be lifted by then is not begun.</summary>
    public async Task RunAsync(DateTime end, CancellationToken cancellationToken)
    {
        await Task.Delay(QuietBeforeFirst, cancellationToken);
        foreach (var planned in Plan(settings.Seed))
        {
            if (DateTime.UtcNow + planned.Duration + TimeSpan.FromSeconds(5) > end)
            {
                return;
            }

            Fault fault;
            var start = DateTime.UtcNow;
            try
            {
                fault = await InjectAsync(_faults.Count + 1, planned, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The run goes on and its checks show what the fault left behind: the results file is written whatever happens.
                fault = new Fault(_faults.Count + 1, planned.Kind, planned.Target, start, DateTime.UtcNow, e.Message.Split('\n')[0].Replace('|', '/'));
            }

            _faults.Add(fault);
            Console.WriteLine($"fault {fault.Number}: {fault.Kind} {fault.Target} {fault.Start:HH:mm:ss}–{fault.Lifted:HH:mm:ss} ({fault.Duration.TotalSeconds:N0} s){(fault.Failure is null ? string.Empty : " lifting it failed: " + fault.Failure)}");
            var next = DateTime.UtcNow + planned.QuietAfter;
            if (next >= end)
            {
                return;
            }

            await Task.Delay(planned.QuietAfter, cancellationToken);
        }
    }

    private async Task<Fault> InjectAsync(int number, PlannedFault planned, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        switch (planned.Kind)
        {
            case FaultKind.BrokerStopped:
                await RabbitMqCtlAsync("stop_app");
                try
                {
                    await Task.Delay(planned.Duration, cancellationToken);
                }
                finally
                {
                    await RabbitMqCtlAsync("start_app");
                    await RabbitMqCtlAsync("await_startup");
                }

                break;
            case FaultKind.DatabaseRefused:
                var database = new NpgsqlConnectionStringBuilder(suite.Databases[planned.Target].ConnectionString).Database!;
                await RefuseConnectionsAsync(database);
                try
                {
                    await Task.Delay(planned.Duration, cancellationToken);
                }
                finally
                {
                    await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
                }

                break;
            default:
                await suite.KillAsync(planned.Target);
                await Task.Delay(planned.Duration, cancellationToken);
                await suite.RestartAsync(planned.Target, cancellationToken);
                break;
        }

        return new Fault(number, planned.Kind, planned.Target, start, DateTime.UtcNow);
    }

    /// <summary>What a fail-over looks like to a client: new sessions refused, the open ones ended.</summary>
    private async Task RefuseConnectionsAsync(string database)
    {
        await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.PostgresAdmin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task RabbitMqCtlAsync(string command) =>
        await RabbitMqCtl.RunAsync(settings, command);
}

/// <summary>The broker node's <c>rabbitmqctl</c> (the wrapper scripts/lib/rabbitmq.sh writes, which carries its cookie).</summary>
internal static class RabbitMqCtl
{
    public static async Task<string> RunAsync(ChaosSettings settings, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(settings.RabbitMqCtl, ["-n", settings.RabbitMqNode, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? stdout
            : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
    }
}
