using Industry.Projects.V1;

namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>
/// 项目清单: the project sheet, in the department's layout. Its headers are also the import's (<c>ProjectRows</c>), so
/// that an exported sheet imports again unchanged; the columns after 建设内容 are read-only figures and are ignored on import.
/// </summary>
internal static class ProjectColumns
{
    public const string DisplayName = "项目名称";
    public const string ProjectCode = "项目代码";
    public const string EnterpriseUscc = "统一社会信用代码";
    public const string EnterpriseName = "企业名称";
    public const string City = "所在市";
    public const string CityCode = "市代码";
    public const string County = "所在区县";
    public const string CountyCode = "区县代码";
    public const string Industry = "行业";
    public const string Gbt4754Class = "国民经济行业分类";
    public const string Nature = "建设性质";
    public const string TotalInvestment = "总投资(万元)";
    public const string EquipmentInvestment = "设备投资(万元)";
    public const string PlannedStart = "计划开工";
    public const string PlannedCompletion = "计划竣工";
    public const string Cluster = "所属集群";
    public const string Park = "所在园区";
    public const string DigitalTransformation = "是否数字化改造";
    public const string Description = "建设内容";

    /// <summary>The columns the import reads, in the template's order.</summary>
    public static readonly IReadOnlyList<SheetColumn<Project>> Editable =
    [
        new(DisplayName, CellKind.Text, 36, p => p.DisplayName),
        new(ProjectCode, CellKind.Text, 26, p => p.ProjectCode),
        new(EnterpriseUscc, CellKind.Text, 22, p => p.EnterpriseUscc),
        new(EnterpriseName, CellKind.Text, 30, p => p.EnterpriseDisplayName),
        new(City, CellKind.Text, 10, p => SheetCells.DivisionName(p.CityCode)),
        new(CityCode, CellKind.Text, 9, p => p.CityCode),
        new(County, CellKind.Text, 12, p => SheetCells.DivisionName(p.CountyCode)),
        new(CountyCode, CellKind.Text, 9, p => p.CountyCode),
        new(Industry, CellKind.Text, 16, p => SheetCells.IndustryName(p.Industry)),
        new(Gbt4754Class, CellKind.Text, 10, p => p.Gbt4754Class),
        new(Nature, CellKind.Text, 8, p => SheetCells.Label(p.Nature)),
        new(TotalInvestment, CellKind.Amount, 14, p => p.TotalInvestmentYuan),
        new(EquipmentInvestment, CellKind.Amount, 14, p => p.EquipmentInvestmentYuan),
        new(PlannedStart, CellKind.Text, 12, p => SheetCells.Date(p.PlannedStartDate)),
        new(PlannedCompletion, CellKind.Text, 12, p => SheetCells.Date(p.PlannedCompletionDate)),
        new(Cluster, CellKind.Text, 20, p => p.Cluster.Length == 0 ? string.Empty : SheetCells.Id(p.Cluster)),
        new(Park, CellKind.Text, 20, p => p.Park.Length == 0 ? string.Empty : SheetCells.Id(p.Park)),
        new(DigitalTransformation, CellKind.Text, 8, p => SheetCells.Flag(p.DigitalTransformation)),
        new(Description, CellKind.Text, 40, p => p.Description),
    ];

    /// <summary>The export: the editable columns, then the project's state and figures.</summary>
    public static readonly IReadOnlyList<SheetColumn<Project>> All =
    [
        .. Editable,
        new("项目状态", CellKind.Text, 8, p => SheetCells.Label(p.State)),
        new("项目类别", CellKind.Text, 8, p => SheetCells.Label(p.Tier)),
        new("累计完成投资(万元)", CellKind.Amount, 16, p => p.CumulativeCompletedInvestmentYuan),
        new("最近填报月份", CellKind.Text, 10, p => p.LatestReportPeriod),
    ];
}
