using Npgsql;

namespace Industry.IntegrationTests.Projects;

/// <summary>Reads a service's database, to prove what a call stored (or did not).</summary>
internal static class Rows
{
    /// <summary>Runs a <c>SELECT count(*)</c> with one parameter, <c>@value</c>.</summary>
    public static async Task<long> CountAsync(string database, string sql, object value)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row of a query with one parameter, <c>@value</c>.</summary>
    public static async Task<List<T>> ColumnAsync<T>(string database, string sql, object value)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
