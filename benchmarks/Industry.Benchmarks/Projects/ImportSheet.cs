using Industry.Projects.V1;
using Npgsql;

namespace Industry.Benchmarks.Projects;

/// <summary>
/// A monthly scheduling sheet for <c>ImportProjects</c>: new projects interleaved with stored ones whose total
/// investment changed (as rows of a real sheet come: mostly known projects, some new), every row valid.
/// </summary>
internal static class ImportSheet
{
    /// <summary>
    /// <paramref name="newProjects"/> rows of projects <paramref name="firstNewSerial"/>… (not stored) and one row for
    /// each of <paramref name="changedSerials"/>, read back from the database with ¥10M more total investment.
    /// </summary>
    public static async Task<List<ImportProjectsRequest>> BuildAsync(string connectionString, SeedCatalog catalog, int firstNewSerial, int newProjects, IReadOnlyList<int> changedSerials, CancellationToken cancellationToken)
    {
        var changed = await ReadStoredAsync(connectionString, changedSerials.Select(s => catalog.Project(s).Id).ToArray(), cancellationToken);
        foreach (var project in changed)
        {
            project.TotalInvestmentYuan += 10_000_000;
        }

        var fresh = Enumerable.Range(firstNewSerial, newProjects).Select(s => ToProto(catalog.Project(s, reserveOnly: true))).ToList();
        var rows = new List<ImportProjectsRequest>(fresh.Count + changed.Count);
        for (int i = 0, n = 0, c = 0; n < fresh.Count || c < changed.Count; i++)
        {
            var project = (i % 2 == 0 && n < fresh.Count) || c >= changed.Count ? fresh[n++] : changed[c++];
            rows.Add(new ImportProjectsRequest { RowNumber = rows.Count + 2, Project = project }); // row 1 holds the headings
        }

        return rows;
    }

    private static Project ToProto(SeedProject p) => new()
    {
        DisplayName = p.DisplayName,
        ProjectCode = p.Code,
        EnterpriseUscc = p.EnterpriseUscc,
        EnterpriseDisplayName = p.EnterpriseDisplayName,
        CountyCode = p.CountyCode,
        Industry = p.Industry,
        Gbt4754Class = p.Gbt4754Class,
        Nature = (ProjectNature)p.Nature,
        TotalInvestmentYuan = p.TotalInvestmentYuan,
        EquipmentInvestmentYuan = p.EquipmentInvestmentYuan,
        PlannedStartDate = Date(p.PlannedStartDate),
        PlannedCompletionDate = Date(p.PlannedCompletionDate),
        Cluster = p.Cluster,
        Park = p.Park,
        DigitalTransformation = p.DigitalTransformation,
        Description = p.Description,
    };

    /// <summary>The editable content of stored projects, as the sheet carries it.</summary>
    private static async Task<List<Project>> ReadStoredAsync(string connectionString, string[] ids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT display_name, project_code, enterprise_uscc, enterprise_display_name, county_code, industry, gbt4754class, nature,
                total_investment_yuan, equipment_investment_yuan, planned_start_date, planned_completion_date, cluster, park,
                digital_transformation, description
            FROM projects WHERE id = ANY(@ids) ORDER BY project_code
            """,
            connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var projects = new List<Project>(ids.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            projects.Add(new Project
            {
                DisplayName = reader.GetString(0),
                ProjectCode = reader.GetString(1),
                EnterpriseUscc = reader.GetString(2),
                EnterpriseDisplayName = reader.GetString(3),
                CountyCode = reader.GetString(4),
                Industry = reader.GetString(5),
                Gbt4754Class = reader.GetString(6),
                Nature = (ProjectNature)reader.GetInt32(7),
                TotalInvestmentYuan = reader.GetInt64(8),
                EquipmentInvestmentYuan = reader.GetInt64(9),
                PlannedStartDate = reader.IsDBNull(10) ? null : Date(reader.GetFieldValue<DateOnly>(10)),
                PlannedCompletionDate = reader.IsDBNull(11) ? null : Date(reader.GetFieldValue<DateOnly>(11)),
                Cluster = reader.GetString(12),
                Park = reader.GetString(13),
                DigitalTransformation = reader.GetBoolean(14),
                Description = reader.GetString(15),
            });
        }

        return projects;
    }

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
