using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Projects.V1;
using MiniExcelLibs;

namespace Industry.Benchmarks;

/// <summary>
/// The spreadsheet benchmark's files (scripts/bench-spreadsheets.sh): a 项目清单 sheet of new projects as a clerk's
/// .xlsx holds them (numbers in 万元, Excel dates, Chinese labels), and the count of data rows of a sheet the gateway wrote.
/// </summary>
internal static class SpreadsheetFiles
{
    public const string Usage = """
        sheet-make FILE ROWS SERIES USCC   writes a project-list .xlsx of ROWS new projects (codes 2025-<county>-SERIES-<n>,
                                           SERIES two digit pairs such as 39-03), all of enterprise USCC
        sheet-count FILE                   prints the number of data rows of an .xlsx or .csv (after the header row)
        sheet-monthly URL TOKEN ROWS FILE  creates ROWS projects under construction through the gRPC address URL
                                           (16 calls in flight) and writes a monthly table (月度调度表) .xlsx of one
                                           month (2024-06) of each
        """;

    /// <summary>The counties the rows take in turn: one of each of the 16 cities' seats, so the export names 16 cities.</summary>
    private static readonly string[] Counties =
        ["340104", "340202", "340302", "340402", "340503", "340602", "340705", "340802", "341002", "341102", "341202", "341302", "341502", "341602", "341702", "341802"];

    public static int Make(string[] args)
    {
        var (path, rows, series, uscc) = (args[0], int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3]);
        MiniExcel.SaveAs(path, Rows(rows, series, uscc), excelType: ExcelType.XLSX, overwriteFile: true);
        Console.WriteLine($"{path}: {rows:N0} rows, {new FileInfo(path).Length / 1024.0 / 1024:F1} MiB");
        return 0;
    }

    public static int Count(string[] args)
    {
        var type = args[0].EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExcelType.CSV : ExcelType.XLSX;
        Console.WriteLine(MiniExcel.Query(args[0], useHeaderRow: true, excelType: type).Count());
        return 0;
    }

    public static async Task<int> MakeMonthlyAsync(string[] args, CancellationToken cancellationToken)
    {
        var (url, token, rows, path) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        using var channel = GrpcChannel.ForAddress(url);
        var client = new ProjectService.ProjectServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var codes = new string[rows];
        await Parallel.ForAsync(0, rows, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var county = Counties[i % Counties.Length];
            var project = await client.CreateProjectAsync(new CreateProjectRequest
            {
                Project = new Project
                {
                    DisplayName = $"月度调度基准测试项目{i}",
                    ProjectCode = codes[i] = string.Create(CultureInfo.InvariantCulture, $"2025-{county}-39-05-{i + 1:D6}"),
                    EnterpriseUscc = "91440300708461136T", // not the project sheets' enterprise, whose export is counted
                    EnterpriseDisplayName = "表格基准测试企业有限公司",
                    CountyCode = county,
                    Industry = "IT",
                    Gbt4754Class = "C3971",
                    Nature = ProjectNature.Renovation,
                    TotalInvestmentYuan = 500_000_000,
                },
            }, headers, cancellationToken: ct);
            await client.TransitionProjectAsync(new TransitionProjectRequest
            {
                Name = project.Name,
                State = ProjectState.UnderConstruction,
                Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 1 },
            }, headers, cancellationToken: ct);
        });
        MiniExcel.SaveAs(path, codes.Select((code, i) => new Dictionary<string, object?>
        {
            ["项目代码"] = code,
            ["月份"] = "2024-06",
            ["本月完成投资(万元)"] = 10 + (i % 50),
            ["形象进度"] = "设备安装调试",
        }), excelType: ExcelType.XLSX, overwriteFile: true);
        Console.WriteLine($"{path}: {rows:N0} rows of projects under construction");
        return 0;
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(int count, string series, string uscc)
    {
        for (var i = 1; i <= count; i++)
        {
            var county = Counties[i % Counties.Length];
            yield return new Dictionary<string, object?>
            {
                ["项目名称"] = $"表格基准测试技改项目{i}",
                ["项目代码"] = string.Create(CultureInfo.InvariantCulture, $"2025-{county}-{series}-{i:D6}"),
                ["统一社会信用代码"] = uscc,
                ["企业名称"] = "表格基准测试企业有限公司",
                ["所在区县"] = county,
                ["行业"] = "新一代信息技术",
                ["国民经济行业分类"] = "C3971",
                ["建设性质"] = i % 3 == 0 ? "扩建" : "新建",
                ["总投资(万元)"] = 5_000 + (i % 1_000),
                ["设备投资(万元)"] = 1_000.5,
                ["计划开工"] = new DateTime(2025, 3, 1),
                ["计划竣工"] = new DateTime(2026, 6, 30),
                ["是否数字化改造"] = i % 2 == 0 ? "是" : "否",
                ["建设内容"] = "年产 10 万台套智能装备生产线技术改造",
            };
        }
    }
}
