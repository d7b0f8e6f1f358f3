using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Industry.Benchmarks.Projects;

/// <summary>What the seed wrote, and how long it took.</summary>
internal sealed record SeedResult(int Projects, long Reports, int KeyProjects, int Started, double Seconds, double AllVisible);

/// <summary>
/// Fills the service's (migrated) database with the generated programme in two binary COPYs, projects then reports,
/// then builds the per-city monthly totals and ANALYZEs the tables as autovacuum would have by the time a real
/// programme had grown this large. The seed
/// connection skips the foreign-key trigger (<c>session_replication_role = replica</c>): every report's project is
/// written first by construction, and checking a million keys one by one would only slow the seed.
/// </summary>
internal static class ProjectsSeed
{
    public const string Actor = "bench-seed";

    public static async Task<SeedResult> RunAsync(string connectionString, SeedCatalog catalog, int projectCount, long reportCount, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var projects = Enumerable.Range(1, projectCount).Select(serial => catalog.Project(serial)).ToList();
        var reports = SeedCatalog.Trim(projects, reportCount);
        foreach (var project in projects)
        {
            project.CumulativeCompletedInvestmentYuan = SeedCatalog.Reports(project).Sum(r => r.Yuan);
        }

        await using var seed = await SeedConnection.OpenAsync(connectionString, cancellationToken);
        await CopyProjectsAsync(seed.Connection, projects, cancellationToken);
        await CopyReportsAsync(seed.Connection, projects, cancellationToken);

        // COPY bypasses the service, so the per-city monthly totals and the per-project yearly rows its saves keep
        // (ADR 0014, ADR 0047) are built here, as the migrations that introduced them do for stored reports.
        await seed.ExecuteAsync("""
            INSERT INTO city_month_investments (city_code, year, month, completed_investment_yuan)
            SELECT p.city_code, r.year, r.month, CAST(SUM(r.completed_investment_yuan) AS bigint)
            FROM investment_reports r JOIN projects p ON p.id = r.project_id
            WHERE r.review_state = 2
            GROUP BY p.city_code, r.year, r.month
            """, cancellationToken);
        await seed.ExecuteAsync("""
            INSERT INTO project_year_investments (project_id, year, reported_months, last_reported_before, month01, month02, month03, month04, month05, month06, month07, month08, month09, month10, month11, month12)
            SELECT project_id, year, CAST(SUM(1 << (month - 1)) AS integer),
                COALESCE(MAX(year * 12 + MAX(month)) OVER (PARTITION BY project_id ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
                CAST(SUM(CASE WHEN month = 1 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 2 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 3 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 4 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 5 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 6 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 7 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 8 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 9 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 10 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 11 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                CAST(SUM(CASE WHEN month = 12 THEN completed_investment_yuan ELSE 0 END) AS bigint)
            FROM investment_reports
            WHERE review_state = 2
            GROUP BY project_id, year
            """, cancellationToken);
        var allVisible = await seed.SettleAsync(["projects", "investment_reports", "city_month_investments", "project_year_investments"], cancellationToken);
        return new SeedResult(projects.Count, reports, projects.Count(p => p.Tier <= 2), projects.Count(p => p.ActualStartDate is not null),
            Stopwatch.GetElapsedTime(started).TotalSeconds, allVisible);
    }

    private static async Task CopyProjectsAsync(NpgsqlConnection connection, List<SeedProject> projects, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            COPY projects (id, display_name, project_code, enterprise_uscc, enterprise_display_name, county_code, city_code,
                industry, gbt4754class, nature, total_investment_yuan, equipment_investment_yuan, tier, planned_start_date,
                planned_completion_date, actual_start_date, actual_completion_date, actual_production_date, cluster, park,
                digital_transformation, description, state, state_date, state_reason, cumulative_completed_investment_yuan,
                latest_report_period, version, create_time, update_time, update_actor) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var p in projects)
        {
            var latest = p.ReportCount > 0 ? Period(p.LastReportMonth) : string.Empty;
            var updated = p.ReportCount > 0 ? ReportTime(p.LastReportMonth) : p.CreateTime;
            var transitions = p.State switch { 1 => 0, 2 or 6 => 1, 3 or 5 => 2, _ => 3 };
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(p.Id, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.DisplayName, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Code, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.EnterpriseUscc, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.EnterpriseDisplayName, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CountyCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CityCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Industry, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Gbt4754Class, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Nature, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.TotalInvestmentYuan, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(p.EquipmentInvestmentYuan, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(p.Tier, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.PlannedStartDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(p.PlannedCompletionDate, NpgsqlDbType.Date, cancellationToken);
            await WriteDateAsync(writer, p.ActualStartDate, cancellationToken);
            await WriteDateAsync(writer, p.ActualCompletionDate, cancellationToken);
            await WriteDateAsync(writer, p.ActualProductionDate, cancellationToken);
            await writer.WriteAsync(p.Cluster, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Park, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.DigitalTransformation, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(p.Description, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.State, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.StateDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CumulativeCompletedInvestmentYuan, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(latest, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(1L + transitions + p.ReportCount, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(p.CreateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(updated > p.CreateTime ? updated : p.CreateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyReportsAsync(NpgsqlConnection connection, List<SeedProject> projects, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            COPY investment_reports (project_id, year, month, completed_investment_yuan, progress_note, version, create_time,
                update_time, update_actor) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var project in projects)
        {
            foreach (var (month, yuan) in SeedCatalog.Reports(project))
            {
                var (year, monthOfYear) = SeedCatalog.FromIndex(month);
                var time = ReportTime(month);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(project.Id, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(monthOfYear, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(yuan, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync("按计划推进", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Actor, NpgsqlDbType.Varchar, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Reports are entered in the first days of the following month.</summary>
    private static DateTime ReportTime(int month)
    {
        var (year, monthOfYear) = SeedCatalog.FromIndex(month + 1);
        return new DateTime(year, monthOfYear, 5, 1, 0, 0, DateTimeKind.Utc);
    }

    private static string Period(int month)
    {
        var (year, monthOfYear) = SeedCatalog.FromIndex(month);
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{monthOfYear:D2}");
    }

    private static async Task WriteDateAsync(NpgsqlBinaryImporter writer, DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is { } d)
        {
            await writer.WriteAsync(d, NpgsqlDbType.Date, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }
}
