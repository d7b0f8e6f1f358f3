using Industry.Gateway.Spreadsheets;
using Industry.Gateway.Spreadsheets.Imports;

namespace Industry.Gateway.UnitTests;

/// <summary>Cells as the department's sheets write them (ADR 0039): 万元 to yuan, Excel and text dates, 是/否, headers.</summary>
public sealed class SpreadsheetCellValuesTests
{
    public static TheoryData<object?, long?> Amounts => new()
    {
        { null, null },
        { "", null },
        { 12345.6789, 123_456_789 },
        { 0.0001, 1 },
        { 0.00005, 1 }, // half a yuan rounds away from zero
        { "1,000.5", 10_005_000 },
        { " 5000 ", 50_000_000 },
        { 12m, 120_000 },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Amount_InWanYuan_IsWholeYuan(object? cell, long? yuan)
    {
        Assert.True(CellValues.TryYuan(cell, out var read));
        Assert.Equal(yuan, read);
    }

    [Theory]
    [InlineData("十万")]
    [InlineData("1e400")]
    [InlineData("12.3.4")]
    [InlineData(double.NaN)]
    [InlineData(1e13)]
    public void Amount_ThatIsNoNumber_IsRefused(object cell) => Assert.False(CellValues.TryYuan(cell, out _));

    [Theory]
    [InlineData("2024-03-01")]
    [InlineData("2024/3/1")]
    [InlineData("2024.3.1")]
    [InlineData("2024年3月1日")]
    [InlineData("20240301")]
    [InlineData(45352.0)] // Excel's serial number of 2024-03-01
    public void Date_AsExcelOrText_IsTheDay(object cell)
    {
        Assert.True(CellValues.TryDate(cell, out var date));
        Assert.Equal(new DateOnly(2024, 3, 1), date);
    }

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("明天")]
    [InlineData(-1.0)]
    public void Date_ThatIsNoDate_IsRefused(object cell) => Assert.False(CellValues.TryDate(cell, out _));

    [Fact]
    public void ExcelDateCell_IsItsDay() => Assert.True(CellValues.TryDate(new DateTime(2025, 6, 30), out var d) && d == new DateOnly(2025, 6, 30));

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("否", false)]
    [InlineData("", false)]
    [InlineData("也许", null)]
    public void Flag(string cell, bool? expected) => Assert.Equal(expected, CellValues.Flag(cell));

    [Theory]
    [InlineData("总投资（万元）", "总投资(万元)")]
    [InlineData(" 项目 代码 ", "项目代码")]
    [InlineData("\uFEFF项目名称", "项目名称")]
    public void Header_IsReadAsPeopleTypeIt(string header, string expected) => Assert.Equal(expected, CellValues.Header(header));

    [Fact]
    public void CsvCell_IsWhatLibreOfficeShowsOfTheXlsxCell()
    {
        Assert.Equal("1000.50", SheetWriter.Cell(CellKind.Amount, 10_005_000L, csv: true));
        Assert.Equal(1000.5m, SheetWriter.Cell(CellKind.Amount, 10_005_000L, csv: false));
        Assert.Equal("0.0001", SheetWriter.Cell(CellKind.Amount, 1L, csv: true));
        Assert.Equal("12.4", SheetWriter.Cell(CellKind.Percent, 12.35, csv: true));
        Assert.Equal("7", SheetWriter.Cell(CellKind.Count, 7, csv: true));
    }

    [Fact]
    public void Csv_InUtf8_IsReadAsUtf8_AndAnyOtherAsGb18030()
    {
        const string text = "项目代码,项目名称\n2023-340104-38-03-012345,鑫淼技改项目𠀀\n";
        using var utf8 = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        using var marked = new MemoryStream([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        using var gb18030 = new MemoryStream(CsvEncodings.Gb18030.GetBytes(text));

        Assert.Same(CsvEncodings.Utf8, CsvEncodings.Detect(utf8));
        Assert.Same(CsvEncodings.Utf8, CsvEncodings.Detect(marked));
        Assert.Same(CsvEncodings.Gb18030, CsvEncodings.Detect(gb18030));
        Assert.Equal(text, CsvEncodings.Gb18030.GetString(CsvEncodings.Gb18030.GetBytes(text)));
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("utf-8", true, "utf-8")]
    [InlineData("\"GB18030\"", true, "gb18030")]
    [InlineData("gbk", true, "gb18030")]
    [InlineData("big5", false, null)]
    public void Charset_NamesTheEncoding(string? charset, bool accepted, string? encoding)
    {
        Assert.Equal(accepted, CsvEncodings.TryFromCharset(charset, out var named));
        Assert.Equal(encoding, named?.WebName);
    }
}
