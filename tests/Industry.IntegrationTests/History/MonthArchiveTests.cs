using System.Diagnostics;
using Industry.TestInfrastructure;
using Npgsql;

namespace Industry.IntegrationTests.History;

/// <summary>
/// The archive procedure of docs/deploy.md, step by step against the real PostgreSQL (ADR 0043): detach a past month
/// with <c>history_archive_month</c> (oldest first, never the current month), <c>pg_dump</c> the detached table, drop
/// it; the dump restores the month's rows, and the horizon is recorded.
/// </summary>
public sealed class MonthArchiveTests : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task ArchiveMonth_OldestPastMonth_IsDetachedDumpedAndDroppedWithItsHorizonRecorded()
    {
        var database = new HistoryDatabase(await _infrastructure.CreateDatabaseAsync("history_archive"));
        await database.MigrateAsync();
        var oldest = HistoryDatabase.MonthsAgo(3);
        await database.EnsureMonthsAsync(oldest, 3);
        await database.InsertAsync("projects/p-1", 1, oldest.AddDays(2));
        var horizon = await database.InsertAsync("projects/p-1", 2, oldest.AddDays(20));
        await database.InsertAsync("projects/p-1", 3, oldest.AddMonths(1).AddDays(1));
        await database.InsertAsync("projects/p-1", 4, oldest.AddMonths(2).AddDays(1));

        var notOldest = await Assert.ThrowsAsync<PostgresException>(() => ArchiveAsync(database, oldest.AddMonths(1)));
        Assert.Contains($"archive {HistoryDatabase.PartitionOf(oldest)} first", notOldest.MessageText, StringComparison.Ordinal);
        var current = await Assert.ThrowsAsync<PostgresException>(() => ArchiveAsync(database, HistoryDatabase.MonthsAgo(0)));
        Assert.Contains("current month or later", current.MessageText, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM history_archives"));

        var table = await ArchiveAsync(database, oldest);

        Assert.Equal(HistoryDatabase.PartitionOf(oldest), table);
        Assert.DoesNotContain(table, await database.PartitionsAsync());
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM history_entries"));
        Assert.Equal(horizon, await database.ScalarAsync<long>("SELECT last_position FROM history_archives WHERE table_name = @p0", table));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT entry_count FROM history_archives WHERE table_name = @p0", table));
        Assert.Equal(oldest.AddMonths(1), await database.ScalarAsync<DateTime>("SELECT month_end FROM history_archives WHERE table_name = @p0", table));

        var dump = Path.Combine(Path.GetTempPath(), $"{table}-{Guid.NewGuid():N}.dump");
        try
        {
            await PostgresTool.RunAsync("pg_dump", database.ConnectionString, "--format=custom", "--table=public." + table, "--file=" + dump);
            await database.ScalarAsync<object>($"DROP TABLE {table}");
            var restored = new HistoryDatabase(await _infrastructure.CreateDatabaseAsync("history_restored"));
            await PostgresTool.RunAsync("pg_restore", restored.ConnectionString, "--no-owner", dump);

            Assert.Equal(2, await restored.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE subject = 'projects/p-1'"));
            Assert.Null(await database.ScalarAsync<string>("SELECT to_regclass(@p0)::text", table));
        }
        finally
        {
            File.Delete(dump);
        }

        var again = await Assert.ThrowsAsync<PostgresException>(() => ArchiveAsync(database, oldest));
        Assert.Contains("is not a partition", again.MessageText, StringComparison.Ordinal);
    }

    private static Task<string> ArchiveAsync(HistoryDatabase database, DateTime month) =>
        database.ScalarAsync<string>("SELECT history_archive_month(@p0::date)", month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>PostgreSQL's client programs (pg_dump, pg_restore) against a connection string: on PATH, else the server's bin folder.</summary>
internal static class PostgresTool
{
    public static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--host=" + server.Host, "--port=" + server.Port, "--username=" + server.Username, "--dbname=" + server.Database }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = server.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
    }

    private static string Find(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        var serverBin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(dir => Path.Combine(dir, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return onPath ?? serverBin ?? throw new InvalidOperationException($"{tool} is not installed (it comes with PostgreSQL's client packages).");
    }
}
