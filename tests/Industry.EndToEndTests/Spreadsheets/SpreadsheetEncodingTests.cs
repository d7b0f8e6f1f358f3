using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using static Industry.EndToEndTests.Spreadsheets.SpreadsheetImportTests;

namespace Industry.EndToEndTests.Spreadsheets;

/// <summary>
/// A .csv as Excel or WPS saves it on a Chinese Windows, in GB18030 (docs/spreadsheets.md): recognized without being
/// told, or told by the part's <c>charset</c>; a charset the gateway does not read is refused before any row is imported.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SpreadsheetEncodingTests(SuiteFixture fixture)
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    [Theory]
    [InlineData(null)]
    [InlineData("gb18030")]
    [InlineData("GBK")]
    public async Task Gb18030Csv_ImportsItsChineseAsWritten(string? charset)
    {
        var codes = new CodeSeries();
        var rows = new[] { Row(codes.Next("340104"), SpreadsheetExportTests.NewUscc()), Row(codes.Next("340104"), SpreadsheetExportTests.NewUscc()) };
        rows[1]["项目名称"] = "鑫淼集团（GB18030 四字节字：𠀀）技改项目";

        using var response = await PostAsync(Gb18030.GetBytes(Utf8Text(Csv(rows))), charset);
        var answered = SpreadsheetSheets.Read(await response.Content.ReadAsByteArrayAsync(), ExcelType.CSV);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["新增", "新增"], answered.Select(r => r["导入结果"]));
        Assert.Equal(rows[1]["项目名称"], answered[1]["项目名称"]);
        Assert.False(response.Headers.Contains("X-Import-Warnings")); // every header read as the layout's
    }

    [Fact]
    public async Task UnknownCharset_IsRefused()
    {
        using var response = await PostAsync(Csv([Row(new CodeSeries().Next("340104"), SpreadsheetExportTests.NewUscc())]), "big5");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不支持字符集“big5”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Utf8Text(byte[] csv) => new UTF8Encoding(false).GetString(csv.AsSpan().StartsWith("\uFEFF"u8) ? csv[3..] : csv);

    private async Task<HttpResponseMessage> PostAsync(byte[] file, string? charset)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = charset };
        content.Add(part, "file", "项目清单.csv");
        return await fixture.GatewayHttp.PostAsync("/v1/imports/projects", content);
    }
}
