using Industry.Gateway.Spreadsheets.Exports;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// 项目清单 rows to <see cref="Project"/>s for <c>ImportProjects</c>, in the headers of <see cref="ProjectColumns"/>
/// (the department's layout, any order). A cell the gateway cannot read (a number, a date, a county, a label) fails its
/// row here, in Chinese; everything else is the service's to judge, as for any caller.
/// </summary>
internal static class ProjectRows
{
    /// <summary>Columns an exported sheet has beyond the editable ones: read-only figures, ignored without a warning.</summary>
    private static readonly HashSet<string> ReadOnly = [.. ProjectColumns.All.Select(c => c.Header).Except(ProjectColumns.Editable.Select(c => c.Header)), ProjectColumns.City, ProjectColumns.CityCode];

    private static readonly IReadOnlyDictionary<string, int> Natures = SheetCells.Numbers<ProjectNature>();

    public static SheetLayout Layout { get; } = new(
        "projects",
        [.. ProjectColumns.Editable.Select(c => c.Header)],
        Required: [ProjectColumns.ProjectCode],
        Ignored: ReadOnly,
        MaxRows: 50_000); // ImportProjects' limit of one call

    /// <summary>The project of a row, or the row's problem in Chinese.</summary>
    public static (Project? Project, string? Problem) Read(SheetRow row)
    {
        var problems = new List<string>();
        var project = new Project
        {
            DisplayName = row.Text(ProjectColumns.DisplayName),
            ProjectCode = row.Text(ProjectColumns.ProjectCode),
            EnterpriseUscc = row.Text(ProjectColumns.EnterpriseUscc),
            EnterpriseDisplayName = row.Text(ProjectColumns.EnterpriseName),
            Gbt4754Class = row.Text(ProjectColumns.Gbt4754Class),
            Description = row.Text(ProjectColumns.Description),
        };

        project.CountyCode = County(row, problems);
        var industry = row.Text(ProjectColumns.Industry);
        if (industry.Length > 0)
        {
            project.Industry = Industries.NameOf(Industries.All.FirstOrDefault(i => i.NameZh == industry)?.Code ?? Industries.CodeOf(industry));
        }

        var nature = row.Text(ProjectColumns.Nature);
        if (nature.Length > 0)
        {
            if (Natures.TryGetValue(nature, out var number) || (nature == "技术改造" && Natures.TryGetValue("改建", out number)))
            {
                project.Nature = (ProjectNature)number;
            }
            else
            {
                problems.Add($"{ProjectColumns.Nature}“{nature}”不是建设性质（新建、扩建、改建、迁建）");
            }
        }

        if (Amount(row, ProjectColumns.TotalInvestment, problems) is { } total)
        {
            project.TotalInvestmentYuan = total;
        }

        if (Amount(row, ProjectColumns.EquipmentInvestment, problems) is { } equipment)
        {
            project.EquipmentInvestmentYuan = equipment;
        }

        project.PlannedStartDate = Date(row, ProjectColumns.PlannedStart, problems);
        project.PlannedCompletionDate = Date(row, ProjectColumns.PlannedCompletion, problems);
        project.Cluster = Reference(row.Text(ProjectColumns.Cluster), "clusters");
        project.Park = Reference(row.Text(ProjectColumns.Park), "parks");
        switch (CellValues.Flag(row.Value(ProjectColumns.DigitalTransformation)))
        {
            case { } flag:
                project.DigitalTransformation = flag;
                break;
            default:
                problems.Add($"{ProjectColumns.DigitalTransformation}应填“是”或“否”");
                break;
        }

        return problems.Count == 0 ? (project, null) : (null, string.Join("；", problems));
    }

    /// <summary>区县代码 when the sheet has it, else 所在区县 as a code or a county's name (with 所在市 when two counties share it).</summary>
    private static string County(SheetRow row, List<string> problems)
    {
        var code = row.Text(ProjectColumns.CountyCode);
        if (code.Length > 0)
        {
            return code;
        }

        var county = row.Text(ProjectColumns.County);
        if (county.Length == 0 || county.All(char.IsAsciiDigit))
        {
            return county;
        }

        var city = row.Text(ProjectColumns.City);
        var named = Divisions.Counties.Where(d => d.Name == county && (city.Length == 0 || Divisions.Find(d.ParentCode)?.Name == city)).ToList();
        if (named.Count == 1)
        {
            return named[0].Code;
        }

        problems.Add(named.Count == 0
            ? $"{ProjectColumns.County}“{county}”不是安徽省的区县"
            : $"{ProjectColumns.County}“{county}”有重名，请填写{ProjectColumns.City}或{ProjectColumns.CountyCode}");
        return string.Empty;
    }

    private static long? Amount(SheetRow row, string header, List<string> problems)
    {
        if (CellValues.TryYuan(row.Value(header), out var yuan))
        {
            return yuan;
        }

        problems.Add($"{header}“{row.Text(header)}”不是数字（单位：万元）");
        return null;
    }

    private static Google.Type.Date? Date(SheetRow row, string header, List<string> problems)
    {
        if (CellValues.TryDate(row.Value(header), out var date))
        {
            return date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;
        }

        problems.Add($"{header}“{row.Text(header)}”不是日期（如 2024-03-01）");
        return null;
    }

    private static string Reference(string value, string collection) =>
        value.Length == 0 || value.StartsWith(collection + "/", StringComparison.Ordinal) ? value : $"{collection}/{value}";
}
