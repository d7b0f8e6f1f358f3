using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;
using MiniExcelLibs;

namespace Industry.EndToEndTests.Spreadsheets;

/// <summary>
/// 导出 through the gateway (docs/spreadsheets.md, ADR 0039): a project list as .xlsx and .csv holds what ListProjects
/// answers, in Chinese headers and 万元, with the header frozen; the caller's filter and token apply; refusals are
/// JSON statuses with the HTTP code of the gRPC one.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SpreadsheetExportTests(SuiteFixture fixture)
{
    [Fact]
    public async Task ProjectExport_XlsxAndCsv_HoldTheFilteredList_InWanYuan_WithFrozenHeader()
    {
        var uscc = NewUscc();
        var projects = new ProjectService.ProjectServiceClient(fixture.Gateway);
        var created = new List<Project>();
        foreach (var yuan in new long[] { 123_456_789, 50_000_000, 1 })
        {
            created.Add(await projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(uscc, yuan) }, deadline: DateTime.UtcNow.AddSeconds(30)));
        }

        var filter = Uri.EscapeDataString($"enterprise_uscc = \"{uscc}\"");
        var xlsx = await fixture.GatewayHttp.GetAsync($"/v1/exports/projects.xlsx?filter={filter}&order_by=project_code");
        var csv = await fixture.GatewayHttp.GetAsync($"/v1/exports/projects.csv?filter={filter}&order_by=project_code");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var fromXlsx = SpreadsheetSheets.Read(xlsxBytes, ExcelType.XLSX);
        var fromCsv = SpreadsheetSheets.Read(csvBytes, ExcelType.CSV);
        Assert.Equal(fromCsv, fromXlsx);
        Assert.Equal(created.OrderBy(p => p.ProjectCode, StringComparer.Ordinal).Select(p => p.ProjectCode), fromXlsx.Select(r => r["项目代码"]));
        var first = fromXlsx.Single(r => r["项目代码"] == created[0].ProjectCode);
        Assert.Equal("12345.6789", first["总投资(万元)"]);
        Assert.Equal(("合肥市", "340100", "蜀山区", "340104"), (first["所在市"], first["市代码"], first["所在区县"], first["区县代码"]));
        Assert.Equal(("改建", "储备", "否", "2024-03-01"), (first["建设性质"], first["项目状态"], first["是否数字化改造"], first["计划开工"]));
        Assert.Equal("0.0001", fromXlsx.Single(r => r["项目代码"] == created[2].ProjectCode)["总投资(万元)"]);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsxBytes));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("state=\"frozen\"", xml, StringComparison.Ordinal);
        Assert.Contains("customWidth=\"1\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyExport_StillHasItsHeaderRow()
    {
        var filter = Uri.EscapeDataString($"enterprise_uscc = \"{NewUscc()}\"");
        var csv = await fixture.GatewayHttp.GetByteArrayAsync($"/v1/exports/projects.csv?filter={filter}");
        Assert.StartsWith("\uFEFF项目名称,项目代码,", Encoding.UTF8.GetString(csv), StringComparison.Ordinal); // one byte-order mark, then the header
        Assert.Single(SpreadsheetSheets.ReadCsvFields(Encoding.UTF8.GetString(csv[3..])));
        var xlsx = await fixture.GatewayHttp.GetAsync($"/v1/exports/lagging-projects.xlsx?filter={filter}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Theory]
    [InlineData("/v1/exports/projects.xlsx?filter=colour%20%3D%20%22red%22", HttpStatusCode.BadRequest, "filter")]
    [InlineData("/v1/exports/projects.pdf", HttpStatusCode.BadRequest, "format")]
    [InlineData("/v1/exports/secrets.csv", HttpStatusCode.BadRequest, "what")]
    public async Task BadExport_IsHttp400_WithTheFieldViolation(string path, HttpStatusCode expected, string field)
    {
        using var response = await fixture.GatewayHttp.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)StatusCode.InvalidArgument, body.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(field, body.RootElement.GetProperty("details").ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-reports", "period=2024-06", "项目代码,项目名称,所在市,市代码,所在区县,区县代码,")]
    [InlineData("enterprises", "", "统一社会信用代码,企业名称,所在市,市代码,所在区县,区县代码,")]
    [InlineData("clusters", "", "集群标识,集群名称,集群类型,行业,")]
    [InlineData("parks", "", "园区标识,园区名称,所在市,市代码,所在区县,区县代码,")]
    [InlineData("transformations", "", "统一社会信用代码,企业名称,所在市,市代码,")]
    [InlineData("plan-progress", "year=2024", "市,市代码,在库实施重点项目(实际),")]
    [InlineData("cluster-progress", "year=2024", "市,市代码,先进制造业集群(实际),")]
    [InlineData("digital-progress", "year=2024", "市,市代码,数字化转型园区(实际),")]
    [InlineData("dispatch-bulletin", "period=2024-06", "市,市代码,累计完成投资(万元),")]
    public async Task EveryOtherExport_AnswersBothFormats_WithItsChineseHeader(string what, string query, string header)
    {
        using var csv = await fixture.GatewayHttp.GetAsync($"/v1/exports/{what}.csv?{query}");
        using var xlsx = await fixture.GatewayHttp.GetAsync($"/v1/exports/{what}.xlsx?{query}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (csv.StatusCode, xlsx.StatusCode));
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("\uFEFF" + header, Encoding.UTF8.GetString(csvBytes), StringComparison.Ordinal);
        Assert.Equal(SpreadsheetSheets.Read(csvBytes, ExcelType.CSV), SpreadsheetSheets.Read(await xlsx.Content.ReadAsByteArrayAsync(), ExcelType.XLSX));
        if (what.EndsWith("-progress", StringComparison.Ordinal) || what == "dispatch-bulletin")
        {
            // A row per city (of those with figures), named beside its code.
            Assert.All(SpreadsheetSheets.Read(csvBytes, ExcelType.CSV), r => Assert.Equal(Divisions.Find(r["市代码"])?.Name, r["市"]));
        }
    }

    [Fact]
    public async Task Export_WithoutAToken_IsHttp401()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Suite.Gateway.HttpAddress };
        using var response = await anonymous.GetAsync("/v1/exports/projects.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static string NewUscc()
    {
        // Random, not a serial from a random start: an enterprise's export must hold only this test's projects, in a
        // database that earlier runs and other tests fill too.
        var first17 = "91340100" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return first17 + Uscc.CheckCharacter(first17);
    }

    internal static Project NewProject(string uscc, long yuan) => new()
    {
        DisplayName = "表格导出验收项目",
        ProjectCode = string.Create(CultureInfo.InvariantCulture, $"2026-340104-{Random.Shared.NextInt64(0, 10_000_000_000):D10}").Insert(14, "-").Insert(17, "-"),
        EnterpriseUscc = uscc,
        EnterpriseDisplayName = "表格验收企业有限公司",
        CountyCode = "340104",
        Industry = "industries/IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = yuan,
        PlannedStartDate = new Google.Type.Date { Year = 2024, Month = 3, Day = 1 },
    };
}
