using System.Net;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using MiniExcelLibs;
using static Industry.EndToEndTests.Spreadsheets.SpreadsheetImportTests;

namespace Industry.EndToEndTests.Spreadsheets;

/// <summary>
/// 月度调度表导入 through the gateway (docs/spreadsheets.md, ADR 0044): months as Excel dates and text, 万元, headers in
/// any order; each row answered 新增 / 更新 / 未变 / 错误：… in Chinese, every kind of row error; a second import of the same
/// file changes nothing; a city editor's (and a county editor's) rows of other divisions refused one by one, unchanged
/// or not; a closed month's rows refused for everyone but a province admin's correction.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SpreadsheetMonthlyImportTests(SuiteFixture fixture)
{
    private const string Result = "导入结果";
    private const string Layout = "investment-reports";
    private const string Amount = "本月完成投资(万元)";

    private ProjectService.ProjectServiceClient Projects => new(fixture.Gateway);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task MonthlyTable_AnswersEachRow_EveryErrorKindInChinese_AndImportsAgainUnchanged()
    {
        var codes = new CodeSeries();
        var started = await StartedAsync(codes.Next("340104"), "340104", new(2023, 3, 1), totalYuan: 20_000_000);
        var reserve = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(codes.Next("340104"), "340104", 20_000_000) }, Options);
        var cases = new (string Case, object? Code, object? Month, object? Amount, string Expected)[]
        {
            ("text month", started.ProjectCode, "2023-05", 100.5, "新增"),
            ("chinese month", started.ProjectCode, "2023年6月", "1,000", "新增"),
            ("excel date", started.ProjectCode, new DateTime(2023, 7, 15), 0, "新增"),
            ("same month again", started.ProjectCode, "2023/5", 7, "与第 2 行重复"),
            ("unknown project", "2025-340104-99-99-999999", "2023-05", 1, "项目代码“2025-340104-99-99-999999”不存在"),
            ("no code", "", "2023-05", 1, "项目代码不能为空"),
            ("not a code", "p\" OR x = \"", "2023-05", 1, "不是项目代码"),
            ("no month", started.ProjectCode, "", 1, "月份不能为空"),
            ("not a month", started.ProjectCode, "2023-13", 1, "月份“2023-13”不是月份"),
            ("not an amount", started.ProjectCode, "2023-08", "五十", "本月完成投资(万元)“五十”不是数字"),
            ("no amount", started.ProjectCode, "2023-09", "", "本月完成投资(万元)不能为空"),
            ("negative", started.ProjectCode, "2023-10", -5, "数据有误：本月完成投资(万元)"),
            ("before the start", started.ProjectCode, "2023-01", 1, "数据有误：月份"),
            ("in the future", started.ProjectCode, "2099-01", 1, "数据有误：月份"),
            ("above the total", started.ProjectCode, "2023-11", 999_999, "数据有误：本月完成投资(万元)"),
            ("not started", reserve.ProjectCode, "2023-05", 1, "项目尚未开工，不能填报投资"),
        };
        var rows = cases.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            // Not the template's order, and a column the layout does not know.
            ["形象进度"] = $"{c.Case}：主体施工",
            ["备注"] = "不导入",
            [Amount] = c.Amount,
            ["项目代码"] = c.Code,
            ["月份"] = c.Month,
        }).ToList();
        var file = SpreadsheetSheets.Make(rows, ExcelType.XLSX);

        using var first = await ImportAsync(fixture.GatewayHttp, file, "monthly.xlsx", Layout);
        var answered = SpreadsheetSheets.Read(await first.Content.ReadAsByteArrayAsync(), ExcelType.XLSX);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var (expected, row) in cases.Zip(answered, (c, r) => (c, r)))
        {
            Assert.True(row[Result].Contains(expected.Expected, StringComparison.Ordinal), $"{expected.Case}: {row[Result]}");
            Assert.Equal(expected.Expected is "新增", !row[Result].StartsWith("错误：", StringComparison.Ordinal));
        }

        Assert.Equal($"created=3; updated=0; unchanged=0; failed={cases.Length - 3}", first.Headers.GetValues("X-Import-Summary").Single());
        Assert.Contains("备注", Uri.UnescapeDataString(first.Headers.GetValues("X-Import-Warnings").Single()), StringComparison.Ordinal);
        var may = await Report(started, "2023-05");
        Assert.Equal((1_005_000L, "text month：主体施工", ReviewState.Approved), (may.CompletedInvestmentYuan, may.ProgressNote, may.ReviewState));
        Assert.Equal(10_000_000L, (await Report(started, "2023-06")).CompletedInvestmentYuan);
        Assert.Equal(0L, (await Report(started, "2023-07")).CompletedInvestmentYuan);

        // The same file again writes nothing; the good rows sent again, with an earlier answer's result column and one
        // amount changed, update that row only.
        using var second = await ImportAsync(fixture.GatewayHttp, file, "monthly.xlsx", Layout);
        Assert.Equal($"created=0; updated=0; unchanged=3; failed={cases.Length - 3}", second.Headers.GetValues("X-Import-Summary").Single());
        Assert.Equal(may.Etag, (await Report(started, "2023-05")).Etag);

        var fixedRows = rows.Take(3).Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r) { [Result] = "新增" }).ToList();
        fixedRows[1][Amount] = "1200";
        using var third = await ImportAsync(fixture.GatewayHttp, SpreadsheetSheets.Make(fixedRows, ExcelType.XLSX), "monthly.result.xlsx", Layout);
        Assert.Equal(["未变", "更新", "未变"], SpreadsheetSheets.Read(await third.Content.ReadAsByteArrayAsync(), ExcelType.XLSX).Select(r => r[Result]));
        Assert.False(third.Headers.Contains("X-Import-Warnings") && Uri.UnescapeDataString(third.Headers.GetValues("X-Import-Warnings").Single()).Contains(Result, StringComparison.Ordinal));
        Assert.Equal(12_000_000L, (await Report(started, "2023-06")).CompletedInvestmentYuan);
    }

    [Fact]
    public async Task CityEditorsMixedMonthlyFile_ReportsItsCity_AndRefusesEachRowOfAnother_EvenAnUnchangedOne()
    {
        var codes = new CodeSeries();
        var hefei = await StartedAsync(codes.Next("340104"), "340104", new(2024, 1, 1));
        var wuhu = await StartedAsync(codes.Next("340202"), "340202", new(2024, 1, 1));
        var wuhuReported = await StartedAsync(codes.Next("340202"), "340202", new(2024, 1, 1));
        await Projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = wuhuReported.Name, Period = "2024-02", CompletedInvestmentYuan = 10_000, ProgressNote = "设备安装" }, Options);
        var rows = new[]
        {
            Row(hefei.ProjectCode, "2024-02", "1"),
            Row(wuhu.ProjectCode, "2024-02", "1"),
            Row(hefei.ProjectCode, "2024-03", "2"),
            Row(wuhuReported.ProjectCode, "2024-02", "1"), // what is stored: unchanged, and still not the editor's
        };
        using var editor = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Mint(Roles.CityEditor, "340100"), TimeSpan.FromSeconds(60));

        using var response = await ImportAsync(editor, Csv(rows), "mixed.csv", Layout);
        var answered = SpreadsheetSheets.Read(await response.Content.ReadAsByteArrayAsync(), ExcelType.CSV);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["新增", "错误：无权报送：您只能修改本市的记录", "新增", "错误：无权报送：您只能修改本市的记录"], answered.Select(r => r[Result]));
        Assert.Equal("created=2; updated=0; unchanged=0; failed=2", response.Headers.GetValues("X-Import-Summary").Single());
        await AssertNoReportAsync(wuhu, "2024-02");

        // A county editor's rows: its county's are submitted for review, another county's refused.
        var shushan = await StartedAsync(codes.Next("340104"), "340104", new(2024, 1, 1));
        var baohe = await StartedAsync(codes.Next("340111"), "340111", new(2024, 1, 1));
        using var county = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.CountyEditor("340104"), TimeSpan.FromSeconds(60));
        using var countyResponse = await ImportAsync(county, Csv([Row(shushan.ProjectCode, "2024-02", "3"), Row(baohe.ProjectCode, "2024-02", "3")]), "county.csv", Layout);
        Assert.Equal(["新增", "错误：无权报送：您只能修改本区县的记录"],
            SpreadsheetSheets.Read(await countyResponse.Content.ReadAsByteArrayAsync(), ExcelType.CSV).Select(r => r[Result]));
        Assert.Equal(ReviewState.Submitted, (await Report(shushan, "2024-02")).ReviewState);
        await AssertNoReportAsync(baohe, "2024-02");
    }

    [Fact]
    public async Task ClosedMonthsRows_AreRefusedForNonAdmins_AndAnAdminCorrectsWithAReason()
    {
        var codes = new CodeSeries();
        var project = await StartedAsync(codes.Next("340104"), "340104", new(2001, 10, 1));
        await Projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2001-11", CompletedInvestmentYuan = 50_000 }, Options);
        // Long past and reported by no other test (ProjectServiceGatewayTests closes 2002-07 and 2002-09).
        await Projects.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2001-11" }, Options);
        using var editor = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Mint(Roles.CityEditor, "340100"), TimeSpan.FromSeconds(60));

        using var refused = await ImportAsync(editor, Csv([Row(project.ProjectCode, "2001-11", "9"), Row(project.ProjectCode, "2001-12", "1")]), "closed.csv", Layout);
        Assert.Equal(["错误：该月份已关账，只有省级管理员可以更正其填报", "新增"],
            SpreadsheetSheets.Read(await refused.Content.ReadAsByteArrayAsync(), ExcelType.CSV).Select(r => r[Result]));
        Assert.Equal(50_000L, (await Report(project, "2001-11")).CompletedInvestmentYuan);

        // The admin too, without 更正说明; with it, the correction is made.
        var withoutReason = Row(project.ProjectCode, "2001-11", "9");
        var withReason = Row(project.ProjectCode, "2001-11", "9");
        withReason["更正说明"] = "企业补报漏统的设备款";
        using var admin = await ImportAsync(fixture.GatewayHttp, Csv([withoutReason]), "closed.csv", Layout);
        Assert.StartsWith("错误：该月份已关账", SpreadsheetSheets.Read(await admin.Content.ReadAsByteArrayAsync(), ExcelType.CSV).Single()[Result], StringComparison.Ordinal);
        using var corrected = await ImportAsync(fixture.GatewayHttp, Csv([withReason]), "closed.csv", Layout);
        Assert.Equal("更新", SpreadsheetSheets.Read(await corrected.Content.ReadAsByteArrayAsync(), ExcelType.CSV).Single()[Result]);
        var stored = await Report(project, "2001-11");
        Assert.Equal((90_000L, "企业补报漏统的设备款"), (stored.CompletedInvestmentYuan, stored.CorrectionReason));
    }

    [Fact]
    public async Task RefusedMonthlyImports_AreJsonErrors()
    {
        var sheet = Csv([Row(new CodeSeries().Next("340104"), "2024-02", "1")]);
        using var viewer = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Viewer);
        using var anonymous = new HttpClient { BaseAddress = fixture.Suite.Gateway.HttpAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(viewer, sheet, "m.csv", Layout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync(anonymous, sheet, "m.csv", Layout)).StatusCode);
        using var missing = await ImportAsync(fixture.GatewayHttp, "项目代码,月份\n2025-340104-00-00-000001,2024-02\n"u8.ToArray(), "m.csv", Layout);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("缺少列：本月完成投资(万元)", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileWithoutLayout_IsImportedAsTheLayoutOfMostOfItsColumns()
    {
        var codes = new CodeSeries();
        var project = await StartedAsync(codes.Next("340104"), "340104", new(2024, 1, 1));
        using var viewer = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Viewer);

        using var monthly = await PostWithoutLayoutAsync(fixture.GatewayHttp, Csv([Row(project.ProjectCode, "2024-02", "1")]));
        using var list = await PostWithoutLayoutAsync(fixture.GatewayHttp, Csv([SpreadsheetImportTests.Row(codes.Next("340104"), SpreadsheetExportTests.NewUscc())]));
        var noAmount = Row(project.ProjectCode, "2024-03", "1");
        noAmount.Remove(Amount);
        using var incomplete = await PostWithoutLayoutAsync(fixture.GatewayHttp, Csv([noAmount]));
        using var refused = await PostWithoutLayoutAsync(viewer, Csv([Row(project.ProjectCode, "2024-04", "1")]));

        Assert.Equal(("investment-reports", "created=1; updated=0; unchanged=0; failed=0"), (monthly.Headers.GetValues("X-Import-Layout").Single(), monthly.Headers.GetValues("X-Import-Summary").Single()));
        Assert.Equal(("projects", "created=1; updated=0; unchanged=0; failed=0"), (list.Headers.GetValues("X-Import-Layout").Single(), list.Headers.GetValues("X-Import-Summary").Single()));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("缺少列：本月完成投资(万元)", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("ROLE_NOT_PERMITTED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoReportAsync(project, "2024-04");
    }

    [Theory]
    [InlineData("xlsx", ExcelType.XLSX)]
    [InlineData("csv", ExcelType.CSV)]
    public async Task Template_IsTheMonthlyTablesHeaderRow(string format, ExcelType type)
    {
        var file = await fixture.GatewayHttp.GetByteArrayAsync($"/v1/imports/templates/{Layout}.{format}");
        using var stream = new MemoryStream(file[(type == ExcelType.CSV ? 3 : 0)..]);
        var rows = stream.Query(useHeaderRow: false, excelType: type).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["项目代码", "月份", Amount, "形象进度", "更正说明"], Assert.Single(rows).Values.Select(v => v?.ToString()));
    }

    private static async Task<HttpResponseMessage> PostWithoutLayoutAsync(HttpClient client, byte[] csv)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "表格.csv" } };
        return await client.PostAsync("/v1/imports", content);
    }

    private static Dictionary<string, string> Row(string code, string month, string amount) => new()
    {
        ["项目代码"] = code,
        ["月份"] = month,
        [Amount] = amount,
        ["形象进度"] = "设备安装",
    };

    private static Project NewProject(string code, string county, long totalYuan) => new()
    {
        DisplayName = "月度调度导入验收项目",
        ProjectCode = code,
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "表格验收企业有限公司",
        CountyCode = county,
        Industry = "IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = totalYuan,
    };

    private async Task<Project> StartedAsync(string code, string county, DateOnly start, long totalYuan = 200_000_000)
    {
        var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(code, county, totalYuan) }, Options);
        return await Projects.TransitionProjectAsync(new TransitionProjectRequest
        {
            Name = project.Name,
            State = ProjectState.UnderConstruction,
            Date = new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day },
        }, Options);
    }

    private async Task<InvestmentReport> Report(Project project, string period) =>
        await Projects.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = $"{project.Name}/investmentReports/{period}" }, Options);

    private async Task AssertNoReportAsync(Project project, string period) =>
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Report(project, period))).StatusCode);
}
