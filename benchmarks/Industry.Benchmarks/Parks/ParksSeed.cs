using System.Diagnostics;
using Industry.ServiceDefaults.Reference;
using Npgsql;
using NpgsqlTypes;

namespace Industry.Benchmarks.Parks;

/// <summary>What the seed wrote, and how long it took.</summary>
internal sealed record ParksSeedResult(int Parks, int Certified, int Transformations, int Milestones, double Seconds, double AllVisible);

/// <summary>
/// Fills the parks service's (migrated) database with a national-scale programme in three binary COPYs (parks,
/// transformations, milestones), then VACUUM ANALYZEs them, as autovacuum does after a bulk insert (the visibility map
/// lets the progress queries scan their indexes only). Deterministic (fixed seed). Parks spread over the 104 counties;
/// about four in five certified (some since revoked) over the last seven years; transformations spread evenly over the
/// parks, most at the first level, the upper levels half the time with an earlier DIGITALLY_TRANSFORMED milestone, dated over the last seven years.
/// </summary>
internal static class ParksSeed
{
    public const string Actor = "bench-seed";

    public static async Task<ParksSeedResult> RunAsync(string connectionString, int parkCount, int transformationCount, int currentYear, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var random = new Random(2023);
        var parks = Enumerable.Range(1, parkCount).Select(i => NewPark(i, random, currentYear)).ToList();

        await using var seed = await SeedConnection.OpenAsync(connectionString, cancellationToken);
        var connection = seed.Connection;
        await CopyParksAsync(connection, parks, cancellationToken);
        var milestones = await CopyTransformationsAsync(connection, parks, transformationCount, random, currentYear, cancellationToken);
        var allVisible = await seed.SettleAsync(["parks", "transformations", "transformation_milestones"], cancellationToken);

        return new ParksSeedResult(parks.Count, parks.Count(p => p.State == 3), transformationCount, milestones, Stopwatch.GetElapsedTime(started).TotalSeconds, allVisible);
    }

    /// <summary>A park: its county, city, state (1 applied … 5 rejected, as the proto numbers them) and certification year.</summary>
    private sealed record SeedPark(string Id, string CountyCode, string CityCode, int Type, string Industry, int AboveSize, int State, int Year, int Batch, DateTime Created);

    private static SeedPark NewPark(int serial, Random random, int currentYear)
    {
        var county = Divisions.Counties[serial % Divisions.Counties.Count];
        var roll = random.NextDouble();
        var state = roll switch { < 0.72 => 3, < 0.80 => 4, < 0.88 => 2, < 0.94 => 1, _ => 5 };
        var year = state is 3 or 4 ? currentYear - random.Next(7) : 0;
        return new SeedPark(
            $"bench-park-{serial:D5}",
            county.Code,
            Divisions.CityOf(county.Code)!.Code,
            1 + random.Next(5),
            Industries.All[serial % Industries.All.Count].Code,
            20 + random.Next(480),
            state,
            year,
            year == 0 ? 0 : 1 + random.Next(2),
            new DateTime(currentYear - 7, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(serial));
    }

    private static async Task CopyParksAsync(NpgsqlConnection connection, List<SeedPark> parks, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            COPY parks (id, display_name, county_code, city_code, park_type, lead_industry_code, above_size_enterprise_count,
                description, state, certification_year, certification_batch, rejection_reason, revocation_reason,
                state_change_time, version, create_time, update_time, update_actor) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var p in parks)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(p.Id, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync("示范园区 " + p.Id[^5..], NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CountyCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CityCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Type, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.Industry, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.AboveSize, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.State, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.Year, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.Batch, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.State == 5 ? "材料不全" : string.Empty, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.State == 4 ? "复核不合格" : string.Empty, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Created, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(1L + p.State switch { 1 => 0, 2 or 5 => 1, 3 => 2, _ => 3 }, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(p.Created, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(p.Created, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes the transformations and returns how many milestones they have (written in a second COPY).</summary>
    private static async Task<int> CopyTransformationsAsync(
        NpgsqlConnection connection, List<SeedPark> parks, int count, Random random, int currentYear, CancellationToken cancellationToken)
    {
        var milestones = new List<(string Id, SeedPark Park, string Uscc, int Level, int Year, DateTime Time)>(count + (count / 8));
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY transformations (id, park_id, enterprise_uscc, enterprise_display_name, city_code, level, year, source, project,
                note, version, create_time, update_time, update_actor) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                var park = parks[i % parks.Count];
                var first17 = $"91{park.CountyCode}{i + 1:D9}";
                var uscc = first17 + Uscc.CheckCharacter(first17);
                var id = park.Id + "/" + uscc;
                var level = random.NextDouble() switch { < 0.70 => 1, < 0.90 => 2, < 0.98 => 3, _ => 4 };
                var year = currentYear - random.Next(7);
                var time = new DateTime(year, 1 + random.Next(12), 1 + random.Next(28), 2, 0, 0, DateTimeKind.Utc);
                var reachedTwice = level > 1 && random.NextDouble() < 0.5;
                if (reachedTwice)
                {
                    var firstYear = year - random.Next(3);
                    milestones.Add((id, park, uscc, 1, firstYear, time.AddYears(firstYear - year)));
                }

                milestones.Add((id, park, uscc, level, year, time));
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(park.Id, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(uscc, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("数字化改造企业 " + (i + 1), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(park.CityCode, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(level, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(reachedTwice ? 2L : 1L, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY transformation_milestones (transformation_id, level, park_id, enterprise_uscc, city_code, year, source, project,
                record_time) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            foreach (var m in milestones)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(m.Id, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(m.Level, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(m.Park.Id, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(m.Uscc, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(m.Park.CityCode, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(m.Year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(m.Time, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return milestones.Count;
    }
}
