using Npgsql;

namespace Industry.EndToEndTests;

/// <summary>
/// Every row of every table of the services' databases, as one digest per table: two equal fingerprints mean nothing
/// was stored, changed or deleted in between.
/// </summary>
internal sealed record StateFingerprint(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<StateFingerprint> TakeAsync(IReadOnlyDictionary<string, string> databases)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (service, connectionString) in databases)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var names = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var table in names)
            {
                await using var digest = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {table} t", connection);
                tables[$"{service}:{table}"] = (string)(await digest.ExecuteScalarAsync())!;
            }
        }

        return new StateFingerprint(tables);
    }

    /// <summary>Waits until the services have finished what earlier calls set off (outbox relays, event consumers): three equal fingerprints in a row.</summary>
    public static async Task<StateFingerprint> SettledAsync(IReadOnlyDictionary<string, string> databases, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await TakeAsync(databases);
        var equal = 0;
        while (equal < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            var next = await TakeAsync(databases);
            equal = next.SameAs(last) ? equal + 1 : 0;
            last = next;
        }

        return last;
    }

    public bool SameAs(StateFingerprint other) => Differences(other).Count == 0;

    /// <summary>The tables whose rows differ, with the row counts before and after.</summary>
    public IReadOnlyList<string> Differences(StateFingerprint after) =>
    [
        .. Tables.Keys.Union(after.Tables.Keys)
            .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({Count(Tables.GetValueOrDefault(t))} → {Count(after.Tables.GetValueOrDefault(t))} rows)"),
    ];

    private static string Count(string? digest) => digest?.Split(':')[0] ?? "absent";
}
