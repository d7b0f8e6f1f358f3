using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using MiniExcelLibs;

namespace Industry.EndToEndTests.Spreadsheets;

/// <summary>
/// 导入 through the gateway (docs/spreadsheets.md, ADR 0039): a sheet in the department's layout (headers in any order,
/// an unknown column, Excel and text dates, 万元) imports, answers each row, imports again unchanged, and exports back
/// to the same values; every kind of row error comes back in Chinese in its row; a city editor's rows of another city
/// are refused one by one; a 5 MB file streams through the gateway, and one over the limit is refused.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SpreadsheetImportTests(SuiteFixture fixture)
{
    private const string Result = "导入结果";

    [Fact]
    public async Task ImportedSheet_AnswersEachRow_ImportsAgainUnchanged_AndExportsBackTheSameValues()
    {
        var uscc = SpreadsheetExportTests.NewUscc();
        var codes = new CodeSeries();
        var rows = Enumerable.Range(0, 4).Select(i => new Dictionary<string, object?>
        {
            // Not the template's order, and one column the layout does not know.
            ["总投资（万元）"] = 12345.6789 + i,
            ["项目代码"] = codes.Next("340104"),
            ["项目名称"] = $"导入验收项目{i}",
            ["备注"] = "不导入",
            ["统一社会信用代码"] = uscc,
            ["企业名称"] = "表格验收企业有限公司",
            ["所在区县"] = i % 2 == 0 ? "蜀山区" : "340104",
            ["行业"] = i % 2 == 0 ? "新一代信息技术" : "IT",
            ["国民经济行业分类"] = "C3971",
            ["建设性质"] = "新建",
            ["设备投资(万元)"] = "1,000.5",
            ["计划开工"] = i % 2 == 0 ? new DateTime(2024, 3, 1) : "2024/3/1",
            ["计划竣工"] = "2025年6月30日",
            ["是否数字化改造"] = i % 2 == 0 ? "是" : "否",
            ["建设内容"] = "年产 10 万台套",
        }).ToList<IDictionary<string, object?>>();
        var file = SpreadsheetSheets.Make(rows, ExcelType.XLSX);

        using var first = await ImportAsync(fixture.GatewayHttp, file, "projects.xlsx");
        var answered = SpreadsheetSheets.Read(await first.Content.ReadAsByteArrayAsync(), ExcelType.XLSX);
        using var second = await ImportAsync(fixture.GatewayHttp, file, "projects.xlsx");
        var again = SpreadsheetSheets.Read(await second.Content.ReadAsByteArrayAsync(), ExcelType.XLSX);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Enumerable.Repeat("新增", 4), answered.Select(r => r[Result]));
        Assert.Equal(rows.Select(r => (string)r["项目代码"]!), answered.Select(r => r["项目代码"]));
        Assert.Equal("created=4; updated=0; unchanged=0; failed=0", first.Headers.GetValues("X-Import-Summary").Single());
        Assert.Contains("备注", Uri.UnescapeDataString(first.Headers.GetValues("X-Import-Warnings").Single()), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat("未变", 4), again.Select(r => r[Result]));

        var filter = Uri.EscapeDataString($"enterprise_uscc = \"{uscc}\"");
        var exported = SpreadsheetSheets.Read(await fixture.GatewayHttp.GetByteArrayAsync($"/v1/exports/projects.xlsx?filter={filter}&order_by=project_code"), ExcelType.XLSX);
        Assert.Equal(rows.Select(r => (string)r["项目代码"]!).Order(StringComparer.Ordinal), exported.Select(r => r["项目代码"]));
        foreach (var (sent, back) in rows.OrderBy(r => (string)r["项目代码"]!, StringComparer.Ordinal).Zip(exported))
        {
            Assert.Equal(((double)sent["总投资（万元）"]!).ToString("0.####", CultureInfo.InvariantCulture), back["总投资(万元)"]);
            Assert.Equal(("1000.5", "2024-03-01", "2025-06-30"), (back["设备投资(万元)"], back["计划开工"], back["计划竣工"]));
            Assert.Equal(("蜀山区", "340104", "新一代信息技术", "新建"), (back["所在区县"], back["区县代码"], back["行业"], back["建设性质"]));
            Assert.Equal((sent["项目名称"], sent["是否数字化改造"], sent["建设内容"]), (back["项目名称"], back["是否数字化改造"], back["建设内容"]));
        }

        // The export imports again as it is: every row unchanged, its read-only columns ignored without a warning.
        var exportFile = await fixture.GatewayHttp.GetByteArrayAsync($"/v1/exports/projects.csv?filter={filter}");
        using var reimport = await ImportAsync(fixture.GatewayHttp, exportFile, "export.csv");
        Assert.Equal(Enumerable.Repeat("未变", 4), SpreadsheetSheets.Read(await reimport.Content.ReadAsByteArrayAsync(), ExcelType.CSV).Select(r => r[Result]));
        Assert.False(reimport.Headers.Contains("X-Import-Warnings"));
    }

    [Fact]
    public async Task EveryKindOfRowError_IsAnsweredInItsRow_InChinese_AndTheGoodRowsStand()
    {
        var codes = new CodeSeries();
        var good = codes.Next("340104");
        var duplicated = codes.Next("340104");
        var cases = new (string Case, Action<Dictionary<string, string>> Change, string Expected)[]
        {
            ("good", _ => { }, "新增"),
            ("amount", r => r["总投资(万元)"] = "十万", "总投资(万元)“十万”不是数字"),
            ("date", r => r["计划开工"] = "2024-13-45", "计划开工“2024-13-45”不是日期"),
            ("county", r => r["所在区县"] = "火星区", "所在区县“火星区”不是安徽省的区县"),
            ("nature", r => r["建设性质"] = "重建", "建设性质“重建”不是建设性质"),
            ("flag", r => r["是否数字化改造"] = "也许", "是否数字化改造应填“是”或“否”"),
            ("service rule", r => r["项目名称"] = "", "数据有误：项目名称"),
            ("project code", r => r["项目代码"] = "2024-999999-38-03-000001", "数据有误：项目代码"),
            ("equipment over total", r => r["设备投资(万元)"] = "999999", "数据有误：设备投资(万元)"),
            ("first of a code", r => r["项目代码"] = duplicated, "新增"),
            ("same code again", r => r["项目代码"] = duplicated, "already in row"),
            ("unknown cluster", r => r["所属集群"] = "no-such-cluster", "所属集群"),
        };
        var rows = cases.Select(c =>
        {
            var row = Row(codes.Next("340104"), SpreadsheetExportTests.NewUscc());
            if (c.Case == "good")
            {
                row["项目代码"] = good;
            }

            c.Change(row);
            return row;
        });

        using var response = await ImportAsync(fixture.GatewayHttp, Csv(rows), "errors.csv");
        var answered = SpreadsheetSheets.Read(await response.Content.ReadAsByteArrayAsync(), ExcelType.CSV);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cases.Length, answered.Count);
        foreach (var (expected, row) in cases.Zip(answered))
        {
            Assert.True(row[Result].Contains(expected.Expected, StringComparison.Ordinal), $"{expected.Case}: {row[Result]}");
            Assert.Equal(expected.Expected is "新增", !row[Result].StartsWith("错误：", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CityEditorsMixedFile_ImportsItsCity_AndRefusesEachRowOfAnother()
    {
        var codes = new CodeSeries();
        using var hefei = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Mint(Roles.CityEditor, "340100"), TimeSpan.FromSeconds(60));
        var rows = new[]
        {
            Row(codes.Next("340104"), SpreadsheetExportTests.NewUscc()),
            WithCounty(Row(codes.Next("340202"), SpreadsheetExportTests.NewUscc()), "镜湖区"),
            Row(codes.Next("340104"), SpreadsheetExportTests.NewUscc()),
            WithCounty(Row(codes.Next("340202"), SpreadsheetExportTests.NewUscc()), "340202"),
        };

        using var response = await ImportAsync(hefei, Csv(rows), "mixed.csv");
        var answered = SpreadsheetSheets.Read(await response.Content.ReadAsByteArrayAsync(), ExcelType.CSV);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("新增", answered[0][Result]);
        Assert.StartsWith("错误：无权导入", answered[1][Result], StringComparison.Ordinal);
        Assert.Equal("新增", answered[2][Result]);
        Assert.StartsWith("错误：无权导入", answered[3][Result], StringComparison.Ordinal);
        Assert.Equal("created=2; updated=0; unchanged=0; failed=2", response.Headers.GetValues("X-Import-Summary").Single());
    }

    [Fact]
    public async Task FiveMegabyteSheet_StreamsThroughTheGateway()
    {
        var codes = new CodeSeries();
        var padding = new string('填', 800); // 2.4 KB of UTF-8 per row in a column the layout ignores
        var rows = Enumerable.Range(0, 2_200).Select(_ =>
        {
            var row = Row(codes.Next("340104"), "91340000711771143J");
            row["附注"] = padding;
            return row;
        }).ToList();
        var file = Csv(rows);
        Assert.True(file.Length > 5 * 1024 * 1024, $"{file.Length} bytes");

        using var response = await ImportAsync(fixture.GatewayHttp, file, "large.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("created=2200; updated=0; unchanged=0; failed=0", response.Headers.GetValues("X-Import-Summary").Single());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 5 * 1024 * 1024);
    }

    [Fact]
    public async Task UploadOverTheLimit_IsHttp413()
    {
        // The client waits for the gateway's go-ahead (100-continue) before sending the body, so it reads the refusal
        // instead of writing into a closed connection.
        var file = new byte[33 * 1024 * 1024];
        Array.Fill(file, (byte)'x');
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "huge.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/imports/projects") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await fixture.GatewayHttp.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("32 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedImports_AreJsonErrors_WithTheirHttpStatus()
    {
        var sheet = Csv([Row(new CodeSeries().Next("340104"), SpreadsheetExportTests.NewUscc())]);
        using var viewer = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Viewer);
        using var anonymous = new HttpClient { BaseAddress = fixture.Suite.Gateway.HttpAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(viewer, sheet, "p.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync(anonymous, sheet, "p.csv")).StatusCode);
        await AssertBadRequestAsync(await ImportAsync(fixture.GatewayHttp, sheet, "p.pdf"), "不是 .xlsx 或 .csv");
        await AssertBadRequestAsync(await ImportAsync(fixture.GatewayHttp, Encoding.UTF8.GetBytes("项目名称,总投资(万元)\n甲,1\n"), "p.csv"), "缺少列：项目代码");
        await AssertBadRequestAsync(await ImportAsync(fixture.GatewayHttp, Encoding.UTF8.GetBytes("not a zip"), "p.xlsx"), "不是可读的");
        await AssertBadRequestAsync(await fixture.GatewayHttp.PostAsync("/v1/imports/projects", new StringContent("{}", Encoding.UTF8, "application/json")), "multipart");
        await AssertBadRequestAsync(await ImportAsync(fixture.GatewayHttp, sheet, "p.csv", "secrets"), "not an import layout");
    }

    [Theory]
    [InlineData("xlsx", ExcelType.XLSX)]
    [InlineData("csv", ExcelType.CSV)]
    public async Task Template_IsTheHeaderRowOfTheLayout(string format, ExcelType type)
    {
        var file = await fixture.GatewayHttp.GetByteArrayAsync($"/v1/imports/templates/projects.{format}");
        using var stream = new MemoryStream(file[(type == ExcelType.CSV ? 3 : 0)..]); // a .csv starts with its byte-order mark
        var rows = stream.Query(useHeaderRow: false, excelType: type).Cast<IDictionary<string, object?>>().ToList();
        var headers = Assert.Single(rows).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(
            ["项目名称", "项目代码", "统一社会信用代码", "企业名称", "所在市", "市代码", "所在区县", "区县代码", "行业", "国民经济行业分类", "建设性质",
             "总投资(万元)", "设备投资(万元)", "计划开工", "计划竣工", "所属集群", "所在园区", "是否数字化改造", "建设内容"],
            headers);
    }

    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, string fileName, string layout = "projects")
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        return await client.PostAsync($"/v1/imports/{layout}", content);
    }

    internal static Dictionary<string, string> Row(string code, string uscc) => new()
    {
        ["项目名称"] = "导入验收项目",
        ["项目代码"] = code,
        ["统一社会信用代码"] = uscc,
        ["企业名称"] = "表格验收企业有限公司",
        ["所在区县"] = "蜀山区",
        ["行业"] = "新一代信息技术",
        ["国民经济行业分类"] = "C3971",
        ["建设性质"] = "改建",
        ["总投资(万元)"] = "5000",
        ["设备投资(万元)"] = "1000",
        ["计划开工"] = "2024-03-01",
        ["计划竣工"] = "2025-12-31",
        ["所属集群"] = "",
        ["是否数字化改造"] = "否",
        ["建设内容"] = "技术改造",
    };

    internal static byte[] Csv(IEnumerable<Dictionary<string, string>> rows) =>
        SpreadsheetSheets.Make(rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(c => c.Key, c => (object?)c.Value)), ExcelType.CSV);

    private static Dictionary<string, string> WithCounty(Dictionary<string, string> row, string county)
    {
        row["所在区县"] = county;
        return row;
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string expected)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(3, body.RootElement.GetProperty("code").GetInt32());
            Assert.Contains(expected, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Project codes no other test run takes: a random run number in the two middle fields, then a serial.</summary>
    internal sealed class CodeSeries
    {
        private readonly int _run = Random.Shared.Next(0, 10_000);
        private int _serial;

        public string Next(string division) =>
            string.Create(CultureInfo.InvariantCulture, $"2025-{division}-{_run / 100:D2}-{_run % 100:D2}-{++_serial:D6}");
    }
}
