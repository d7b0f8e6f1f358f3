using Npgsql;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>
/// What a service has stored, table by table: row count and a hash over every row's text. Equal fingerprints mean
/// no row was added, changed or removed (the outbox included, so an event raised for a refused request shows too).
/// </summary>
internal sealed record StateFingerprint(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static async Task<StateFingerprint> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            result[table] = (reader.GetInt64(0), reader.GetString(1));
        }

        return new StateFingerprint(result);
    }

    /// <summary>
    /// Waits until the fingerprint stops changing (outbox relayed, other services' events consumed), so that a later
    /// difference is owed to the calls made in between and not to work still under way.
    /// </summary>
    public static async Task<StateFingerprint> SettledAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var previous = await TakeAsync(connectionString);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var current = await TakeAsync(connectionString);
            if (current.Equals(previous) || DateTime.UtcNow > deadline)
            {
                return current;
            }

            previous = current;
        }
    }

    public IEnumerable<string> DifferencesFrom(StateFingerprint before) =>
        Tables.Keys.Union(before.Tables.Keys)
            .Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.Tables.GetValueOrDefault(t).Rows} rows → {Tables.GetValueOrDefault(t).Rows} rows{(before.Tables.GetValueOrDefault(t).Rows == Tables.GetValueOrDefault(t).Rows ? " (content changed)" : string.Empty)}");

    public bool Equals(StateFingerprint? other) =>
        other is not null && Tables.Count == other.Tables.Count && Tables.All(t => other.Tables.TryGetValue(t.Key, out var o) && o == t.Value);

    public override int GetHashCode() => Tables.Count;
}
