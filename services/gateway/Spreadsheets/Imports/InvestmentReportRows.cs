using Industry.Gateway.Spreadsheets.Exports;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// 月度调度表 rows: one project's completed investment in one month, in the department's layout (any order). A cell the
/// gateway cannot read (a month, an amount, a project code that cannot be one) fails its row here, in Chinese.
/// </summary>
internal static class InvestmentReportRows
{
    public const string ProjectCode = ProjectColumns.ProjectCode;
    public const string Period = "月份";
    public const string CompletedInvestment = "本月完成投资(万元)";
    public const string ProgressNote = "形象进度";

    /// <summary>更正说明: a province admin's reason for changing a closed month (only then; the service refuses it for an open month).</summary>
    public const string CorrectionReason = "更正说明";

    /// <summary>
    /// The sheet's rows go one by one to <c>ReportInvestment</c>; a month of every project of the province is about 20,000
    /// rows, so the limit bounds a request's time (minutes), not what a month needs.
    /// </summary>
    public static SheetLayout Layout { get; } = new(
        "investment-reports",
        [ProjectCode, Period, CompletedInvestment, ProgressNote, CorrectionReason],
        Required: [ProjectCode, Period, CompletedInvestment],
        // Columns clerks keep beside the figures to know the row: read, not imported.
        Ignored: new HashSet<string>(StringComparer.Ordinal)
        {
            ProjectColumns.DisplayName, ProjectColumns.EnterpriseName, ProjectColumns.City, ProjectColumns.CityCode, ProjectColumns.County,
            ProjectColumns.CountyCode, "序号", "累计完成投资(万元)", ProjectColumns.TotalInvestment,
        },
        MaxRows: 50_000);

    /// <summary>The report of a row, or the row's problem in Chinese.</summary>
    public static (MonthlyReport? Report, string? Problem) Read(SheetRow row)
    {
        var problems = new List<string>();
        var code = row.Text(ProjectCode);
        if (code.Length == 0)
        {
            problems.Add($"{ProjectCode}不能为空");
        }
        else if (code.Length > 64 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            // The code goes into a ListProjects filter: only what a GB/T 40058 code is made of.
            problems.Add($"{ProjectCode}“{code}”不是项目代码（如 2023-340104-38-03-012345）");
        }

        if (!CellValues.TryMonth(row.Value(Period), out var period))
        {
            problems.Add($"{Period}“{row.Text(Period)}”不是月份（如 2024-03 或 2024年3月）");
        }
        else if (period is null)
        {
            problems.Add($"{Period}不能为空");
        }

        if (!CellValues.TryYuan(row.Value(CompletedInvestment), out var yuan))
        {
            problems.Add($"{CompletedInvestment}“{row.Text(CompletedInvestment)}”不是数字（单位：万元）");
        }
        else if (yuan is null)
        {
            problems.Add($"{CompletedInvestment}不能为空（本月没有完成投资请填 0）");
        }

        return problems.Count == 0
            ? (new MonthlyReport(code, period!, yuan!.Value, row.Text(ProgressNote), row.Text(CorrectionReason)), null)
            : (null, string.Join("；", problems));
    }
}

/// <summary>One row of a monthly table, read: what <c>ReportInvestment</c> is sent for it.</summary>
internal sealed record MonthlyReport(string ProjectCode, string Period, long CompletedInvestmentYuan, string ProgressNote, string CorrectionReason);
