using System.Text.Json;
using Industry.EndToEndTests.Spreadsheets;
using Industry.Projects.V1;
using MiniExcelLibs;

namespace Industry.EndToEndTests.Cli;

/// <summary>
/// <c>industry import</c> and <c>industry export</c> against the gateway's spreadsheet endpoints (docs/spreadsheets.md):
/// a clerk's sheet imports with its counts printed, a second import changes nothing, a refused row makes the exit code 4
/// (a script notices it), and the export of the same projects is the file the gateway serves.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class CliSpreadsheetTests(SuiteFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("industry-cli-sheets-").FullName;

    [Fact]
    public async Task ImportThenExport_CountsEachRow_RefusedRowsEndWithCode4_AndTheExportIsTheGatewaysFile()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        await cli.RunAsync("login", "--dev");
        var uscc = SpreadsheetExportTests.NewUscc();
        var codes = new SpreadsheetImportTests.CodeSeries();
        var sheet = Path.Combine(_folder, "projects.xlsx");
        await File.WriteAllBytesAsync(sheet, SpreadsheetSheets.Make(Enumerable.Range(0, 3).Select(i => Row(codes.Next("340104"), uscc, $"命令行导入项目{i}")), ExcelType.XLSX));

        var first = await cli.RunAsync("import", sheet, "--json");
        var second = await cli.RunAsync("import", sheet, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal((3, 0, 0, 0), Counts(first.Output));
        Assert.Equal((0, 0, 3, 0), Counts(second.Output));
        var answered = SpreadsheetSheets.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, "projects.result.xlsx")), ExcelType.XLSX);
        Assert.Equal(Enumerable.Repeat("未变", 3), answered.Select(r => r["导入结果"]));

        // One row the service refuses (a county that is not Anhui's): the others stand, the exit code says so.
        var mixed = Path.Combine(_folder, "mixed.csv");
        await File.WriteAllBytesAsync(mixed, SpreadsheetSheets.Make([Row(codes.Next("340104"), uscc, "命令行导入项目3"), Row(codes.Next("340104"), uscc, "命令行导入项目4", county: "110101")], ExcelType.CSV));
        var refused = await cli.RunAsync("import", mixed, "--json");
        Assert.True(refused.ExitCode == 4, refused.ToString());
        Assert.Equal((1, 0, 0, 1), Counts(refused.Output));

        var exported = Path.Combine(_folder, "mine.csv");
        var filter = $"enterprise_uscc = \"{uscc}\"";
        var export = await cli.RunAsync("export", "projects", "--filter", filter, "-o", exported);
        Assert.True(export.ExitCode == 0, export.ToString());
        var served = await fixture.GatewayHttp.GetByteArrayAsync(new Uri($"/v1/exports/projects.csv?filter={Uri.EscapeDataString(filter)}", UriKind.Relative));
        Assert.Equal(served, await File.ReadAllBytesAsync(exported));
        Assert.Equal(4, SpreadsheetSheets.Read(served, ExcelType.CSV).Count);
    }

    [Fact]
    public async Task MonthlyTable_WithoutLayout_IsRecognized_AndNoProgressBarReachesARedirectedOutput()
    {
        var projects = new ProjectService.ProjectServiceClient(fixture.Gateway);
        var created = await projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project
            {
                DisplayName = "命令行月度调度项目",
                ProjectCode = new SpreadsheetImportTests.CodeSeries().Next("340104"),
                EnterpriseUscc = SpreadsheetExportTests.NewUscc(),
                EnterpriseDisplayName = "命令行验收企业有限公司",
                CountyCode = "340104",
                Industry = "IT",
                Gbt4754Class = "C3971",
                Nature = ProjectNature.Renovation,
                TotalInvestmentYuan = 200_000_000,
            },
        });
        var project = await projects.TransitionProjectAsync(new TransitionProjectRequest
        {
            Name = created.Name,
            State = ProjectState.UnderConstruction,
            Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 1 },
        });
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        await cli.RunAsync("login", "--dev");
        var sheet = Path.Combine(_folder, "月度调度表.csv");
        await File.WriteAllBytesAsync(sheet, SpreadsheetSheets.Make(
        [
            new Dictionary<string, object?> { ["项目代码"] = project.ProjectCode, ["月份"] = "2024年2月", ["本月完成投资(万元)"] = "300", ["形象进度"] = "厂房施工" },
            new Dictionary<string, object?> { ["项目代码"] = project.ProjectCode, ["月份"] = "2024年3月", ["本月完成投资(万元)"] = "不详", ["形象进度"] = "" },
        ], ExcelType.CSV));

        var json = await cli.RunAsync("import", sheet, "--json");
        var plain = await cli.RunAsync("--lang", "zh", "import", sheet);

        Assert.True(json.ExitCode == 4, json.ToString());
        var answer = JsonDocument.Parse(json.Output.Trim()).RootElement;
        Assert.Equal("investment-reports", answer.GetProperty("layout").GetString());
        Assert.Equal((1, 0, 0, 1), Counts(json.Output));
        var answered = SpreadsheetSheets.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, "月度调度表.result.csv")), ExcelType.CSV);
        Assert.Equal(["未变", "错误：本月完成投资(万元)“不详”不是数字（单位：万元）"], answered.Select(r => r["导入结果"]));

        // Standard output and error are pipes here, as in a script: the sentence only, no progress bar on either.
        Assert.True(plain.ExitCode == 4, plain.ToString());
        Assert.StartsWith("已导入 月度调度表.csv（investment-reports）：新增 0，更新 0，未变 1，错误 1", plain.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, plain.Errors);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, object?> Row(string code, string uscc, string name, string county = "340104") => new()
    {
        ["项目名称"] = name,
        ["项目代码"] = code,
        ["统一社会信用代码"] = uscc,
        ["企业名称"] = "命令行验收企业有限公司",
        ["所在区县"] = county,
        ["行业"] = "IT",
        ["国民经济行业分类"] = "C3971",
        ["建设性质"] = "新建",
        ["总投资(万元)"] = "20000",
        ["设备投资(万元)"] = "5000",
        ["计划开工"] = "2025-03-01",
        ["计划竣工"] = "2026-06-30",
        ["是否数字化改造"] = "否",
        ["建设内容"] = "命令行导入",
    };

    private static (int Created, int Updated, int Unchanged, int Failed) Counts(string output)
    {
        var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        return (json.GetProperty("created").GetInt32(), json.GetProperty("updated").GetInt32(), json.GetProperty("unchanged").GetInt32(), json.GetProperty("failed").GetInt32());
    }
}
