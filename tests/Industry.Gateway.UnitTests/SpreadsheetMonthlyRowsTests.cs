using Industry.Gateway.Spreadsheets.Imports;

namespace Industry.Gateway.UnitTests;

/// <summary>月度调度表 cells (ADR 0044): the month as an Excel date or in the clerks' spellings, and each row's problems in Chinese.</summary>
public sealed class SpreadsheetMonthlyRowsTests
{
    [Theory]
    [InlineData("2023-05")]
    [InlineData("2023-5")]
    [InlineData("2023/05")]
    [InlineData("2023.5")]
    [InlineData("2023年5月")]
    [InlineData("2023 年 5 月")]
    [InlineData("202305")]
    [InlineData("2023-05-20")]
    [InlineData("2023年5月20日")]
    [InlineData(202305.0)] // typed into a number cell
    [InlineData(45066.0)] // Excel's serial number of 2023-05-20
    public void Month_AsExcelOrText_IsYearAndMonth(object cell)
    {
        Assert.True(CellValues.TryMonth(cell, out var month));
        Assert.Equal("2023-05", month);
    }

    [Fact]
    public void Month_OfAnExcelDateCell_IsItsMonth() => Assert.True(CellValues.TryMonth(new DateTime(2023, 12, 31), out var m) && m == "2023-12");

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-0")]
    [InlineData("202313")]
    [InlineData(202313.0)]
    [InlineData("五月")]
    [InlineData("23-05")]
    [InlineData(-3.0)]
    public void Month_ThatIsNoMonth_IsRefused(object cell) => Assert.False(CellValues.TryMonth(cell, out _));

    [Fact]
    public void EmptyMonth_IsNone() => Assert.True(CellValues.TryMonth(" ", out var m) && m is null);

    [Fact]
    public void Row_IsTheReport_InYuan()
    {
        var (report, problem) = InvestmentReportRows.Read(Row(("项目代码", "2023-340104-38-03-012345"), ("月份", "2023年5月"), ("本月完成投资(万元)", 12.5), ("形象进度", "主体封顶")));
        Assert.Null(problem);
        Assert.Equal(new MonthlyReport("2023-340104-38-03-012345", "2023-05", 125_000, "主体封顶", string.Empty), report);
    }

    [Fact]
    public void Row_WithEveryProblem_NamesEachColumn()
    {
        var (report, problem) = InvestmentReportRows.Read(Row(("项目代码", "x\" OR 1"), ("月份", "明年"), ("本月完成投资(万元)", "很多")));
        Assert.Null(report);
        Assert.Equal("项目代码“x\" OR 1”不是项目代码（如 2023-340104-38-03-012345）；月份“明年”不是月份（如 2024-03 或 2024年3月）；本月完成投资(万元)“很多”不是数字（单位：万元）", problem);
    }

    [Fact]
    public void Row_WithEmptyCells_SaysWhatIsMissing()
    {
        var (_, problem) = InvestmentReportRows.Read(Row(("形象进度", "停工")));
        Assert.Equal("项目代码不能为空；月份不能为空；本月完成投资(万元)不能为空（本月没有完成投资请填 0）", problem);
    }

    [Fact]
    public void Layout_RequiresTheFiguresColumns_AndKnowsTheClerksOtherColumns()
    {
        var layout = InvestmentReportRows.Layout;
        Assert.Equal(["本月完成投资(万元)"], layout.Missing(["项目代码", "月份", "形象进度"]));
        Assert.Equal(["备注"], layout.Unknown(["项目名称", "所在区县", "项目代码", "备注", "导入结果"]));
    }

    private static SheetRow Row(params (string Header, object? Value)[] cells) =>
        new(2, cells.ToDictionary(c => c.Header, c => c.Value, StringComparer.Ordinal));
}
