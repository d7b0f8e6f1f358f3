using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Npgsql;

namespace Industry.History.Data;

/// <summary>
/// The history's reads go to a table of 37 month partitions (three years, ADR 0043), and PostgreSQL plans such a
/// query partition by partition: 2.5-4 ms of planning against 0.3-1.5 ms of execution for one record's changes
/// (EXPLAIN ANALYZE at 1,000,000 changes; docs/benchmarks.md), paid on every call, twice per ListChanges. Npgsql's
/// automatic preparation keeps the service's few statements prepared per connection, so PostgreSQL plans each once
/// and then reuses a generic plan, which for these queries is the plan it would choose anyway (no partition key in
/// their conditions, so nothing to prune). A connection string that already sets <c>Max Auto Prepare</c> wins.
/// </summary>
internal static class PreparedStatements
{
    /// <summary>Statements kept prepared per connection: the service has about twenty distinct ones.</summary>
    public const int MaxAutoPrepare = 64;

    public static WebApplicationBuilder PrepareStatements(this WebApplicationBuilder builder, ServiceIdentity identity)
    {
        var key = "ConnectionStrings:" + identity.Name;
        if (builder.Configuration[key] is { } connectionString && DatabaseProviders.Detect(connectionString) == DatabaseProvider.Postgres)
        {
            var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
            if (npgsql.MaxAutoPrepare == 0)
            {
                npgsql.MaxAutoPrepare = MaxAutoPrepare;
                builder.Configuration[key] = npgsql.ConnectionString;
            }
        }

        return builder;
    }
}
