using System.Diagnostics;
using System.Globalization;
using Industry.ServiceDefaults.Reference;
using Npgsql;
using NpgsqlTypes;

namespace Industry.Benchmarks.Cluster;

/// <summary>What the seed wrote, and how long it took.</summary>
internal sealed record ClusterSeedResult(int Enterprises, int AboveSize, int Qualifications, int Clusters, int Recognitions, int Members, double Seconds, double AllVisible);

/// <summary>
/// Fills the cluster service's (migrated) database with a national-scale programme in binary COPYs (clusters and their
/// recognitions, enterprises, their qualifications and memberships), from a fixed seed, then VACUUM ANALYZEs the
/// tables as autovacuum would have by the time a real programme had grown this large. The seed connection skips the
/// foreign-key triggers (<c>session_replication_role = replica</c>): every reference is written first by construction.
/// Distributions (docs/benchmarks.md): enterprises spread evenly over the 104 counties, their USCC carrying the
/// county's code as a real one carries its registering division; 40% above size (5% more were and are no longer);
/// 10% innovative SMEs, 5% specialised SMEs, a tenth of those little giants, 0.2% single champions, 0.1% chain
/// leaders, granted 2018 to this year; 5,000 clusters, two fifths advanced-manufacturing, half recognised; 30% of the
/// enterprises members of one cluster.
/// </summary>
internal static class ClusterSeed
{
    public const string Actor = "bench-seed";

    private static readonly DateTime Created = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static string ClusterId(int serial) => string.Create(CultureInfo.InvariantCulture, $"bench-c{serial:D5}");

    public static async Task<ClusterSeedResult> RunAsync(string connectionString, int enterpriseCount, int clusterCount, int currentYear, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var seed = await SeedConnection.OpenAsync(connectionString, cancellationToken);
        var connection = seed.Connection;
        var recognitions = await CopyClustersAsync(connection, clusterCount, currentYear, cancellationToken);
        var (aboveSize, qualifications, members) = await CopyEnterprisesAsync(connection, enterpriseCount, clusterCount, currentYear, cancellationToken);
        await FillYearCountsAsync(seed, cancellationToken);
        var allVisible = await seed.SettleAsync(
            ["clusters", "cluster_recognitions", "enterprises", "enterprise_qualifications", "cluster_members", "above_size_year_changes", "qualification_year_grants"],
            cancellationToken);

        return new ClusterSeedResult(enterpriseCount, aboveSize, qualifications, clusterCount, recognitions, members, Stopwatch.GetElapsedTime(started).TotalSeconds, allVisible);
    }

    /// <summary>
    /// The yearly figures the service's enterprise writes keep (ADR 0048), as its migration fills them from the stored
    /// enterprises: the COPYs above bypass the service, and its statements are internal to it.
    /// </summary>
    private static async Task FillYearCountsAsync(SeedConnection seed, CancellationToken cancellationToken)
    {
        await seed.ExecuteAsync("""
            INSERT INTO above_size_year_changes (year, city_code, industry_code, net_change, entered, exited)
            SELECT year, city_code, industry_code, CAST(SUM(net_change) AS integer), CAST(SUM(entered) AS integer), CAST(SUM(exited) AS integer)
            FROM (
                SELECT above_size_year AS year, city_code, industry_code,
                    CASE WHEN above_size_exit_year > above_size_year OR (above_size_exit_year = 0 AND above_size) THEN 1 ELSE 0 END AS net_change,
                    1 AS entered, 0 AS exited
                FROM enterprises WHERE above_size_year > 0
                UNION ALL
                SELECT above_size_exit_year, city_code, industry_code,
                    CASE WHEN above_size_year > 0 AND above_size_exit_year > above_size_year THEN -1 ELSE 0 END, 0, 1
                FROM enterprises WHERE above_size_exit_year > 0
            ) AS changes
            GROUP BY year, city_code, industry_code
            """, cancellationToken);
        await seed.ExecuteAsync("""
            INSERT INTO qualification_year_grants (year, type, city_code, industry_code, granted)
            SELECT q.year, q.type, e.city_code, e.industry_code, CAST(COUNT(*) AS integer)
            FROM enterprise_qualifications AS q
            JOIN enterprises AS e ON e.uscc = q.uscc
            WHERE q.revoke_year IS NULL OR q.revoke_year > q.year
            GROUP BY q.year, q.type, e.city_code, e.industry_code
            """, cancellationToken);
    }

    private static async Task<int> CopyClustersAsync(NpgsqlConnection connection, int count, int currentYear, CancellationToken cancellationToken)
    {
        var random = new Random(4754);
        var recognitions = new List<(string Cluster, int Level, int Year)>();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY clusters (id, display_name, kind, industry_code, lead_division_code, city_code, host_park_display_name, host_park,
                chain_leaders, description, state, level, recognition_year, revocation_reason, revoke_time, version, create_time,
                update_time, update_actor) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            for (var serial = 1; serial <= count; serial++)
            {
                var id = ClusterId(serial);
                var county = Divisions.Counties[random.Next(Divisions.Counties.Count)];
                var industry = Industries.All[random.Next(Industries.All.Count)].Code;
                var kind = random.Next(5) < 2 ? 1 : 2;
                var roll = random.Next(10);
                var (state, level, year) = roll switch
                {
                    < 4 => (1, 0, 0),                                                  // cultivating
                    < 9 => (2, roll == 8 ? 2 : 1, random.Next(2018, currentYear + 1)), // recognised; one in five national
                    _ => (3, 1, random.Next(2018, currentYear)),                       // revoked
                };
                if (level == 2 && random.Next(2) == 0 && year > 2018)
                {
                    recognitions.Add((id, 1, random.Next(2018, year))); // an upgrade: provincial first
                }

                if (level > 0)
                {
                    recognitions.Add((id, level, year));
                }

                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"{county.Name}{industry}产业集群{serial}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(kind, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(industry, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(county.Code, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(county.ParentCode!, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(state, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(level, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(state == 3 ? "考核不合格" : string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteNullAsync(cancellationToken);
                await writer.WriteAsync(1L + (level > 0 ? 1 : 0) + (state == 3 ? 1 : 0), NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY cluster_recognitions (cluster_id, level, year, record_time) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (cluster, level, year) in recognitions)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(cluster, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(level, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return recognitions.Count;
    }

    private static async Task<(int AboveSize, int Qualifications, int Members)> CopyEnterprisesAsync(
        NpgsqlConnection connection, int count, int clusterCount, int currentYear, CancellationToken cancellationToken)
    {
        var random = new Random(32100);
        var qualifications = new List<(string Uscc, int Type, int Year)>();
        var members = new List<(string Cluster, string Uscc, int Year)>();
        var aboveSizeCount = 0;
        string[] classes = ["C3841", "C3612", "C3971", "C2614", "C1391", "C3825", "C3851", "C2710", "C3311", "C1713", "C3021", "C4210", "C3130", "C2211"];
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY enterprises (uscc, display_name, county_code, city_code, gbt4754class, industry_code, above_size, above_size_year,
                version, create_time, update_time, update_actor) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            for (var serial = 1; serial <= count; serial++)
            {
                var county = Divisions.Counties[serial % Divisions.Counties.Count];
                var first17 = string.Create(CultureInfo.InvariantCulture, $"91{county.Code}{serial:D9}");
                var uscc = first17 + Uscc.CheckCharacter(first17);
                var gbt4754Class = classes[random.Next(classes.Length)];
                var roll = random.Next(100);
                var (aboveSize, aboveSizeYear) = roll switch
                {
                    < 40 => (true, random.Next(2005, currentYear + 1)),
                    < 45 => (false, random.Next(2005, currentYear)),
                    _ => (false, 0),
                };
                aboveSizeCount += aboveSize ? 1 : 0;
                var version = 1L;
                void Grant(int type, int year)
                {
                    qualifications.Add((uscc, type, year));
                    version++;
                }

                if (random.Next(10) == 0)
                {
                    Grant(1, random.Next(2018, currentYear + 1));
                }

                if (random.Next(20) == 0)
                {
                    var specialized = random.Next(2018, currentYear + 1);
                    Grant(2, specialized);
                    if (random.Next(10) == 0)
                    {
                        Grant(3, random.Next(specialized, currentYear + 1));
                    }
                }

                if (random.Next(500) == 0)
                {
                    Grant(4, random.Next(2018, currentYear + 1));
                }

                if (random.Next(1000) == 0)
                {
                    Grant(5, random.Next(2018, currentYear + 1));
                }

                if (random.Next(10) < 3)
                {
                    members.Add((ClusterId(1 + random.Next(clusterCount)), uscc, random.Next(2015, currentYear + 1)));
                    version++;
                }

                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(uscc, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"{county.Name}第{serial}制造有限公司", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(county.Code, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(county.ParentCode!, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(gbt4754Class, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Industries.CodeForClass(gbt4754Class), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(aboveSize, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(aboveSizeYear, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY enterprise_qualifications (uscc, type, year, grant_time) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (uscc, type, year) in qualifications)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(uscc, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(type, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY cluster_members (cluster_id, uscc, join_year, create_time, create_actor) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (cluster, uscc, year) in members)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(cluster, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(uscc, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(Created, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return (aboveSizeCount, qualifications.Count, members.Count);
    }
}
