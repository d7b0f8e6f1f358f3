using Npgsql;

namespace Industry.IntegrationTests.Projects;

/// <summary>Counts rows in a service's database, to prove what a call stored (or did not).</summary>
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
}
