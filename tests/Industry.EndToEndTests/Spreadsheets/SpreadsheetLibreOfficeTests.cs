using System.Diagnostics;
using System.Text;
using Industry.Projects.V1;

namespace Industry.EndToEndTests.Spreadsheets;

/// <summary>
/// A spreadsheet program nobody here wrote reads the export as we mean it: LibreOffice (Debian's libreoffice-calc,
/// installed by scripts/test.sh) converts the exported .xlsx to CSV, which must equal the .csv export
/// field for field (headers, names, 万元 with their decimals, dates as text, empty cells, quotes and line breaks).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SpreadsheetLibreOfficeTests(SuiteFixture fixture)
{
    [Fact]
    public async Task LibreOfficesCsvOfTheXlsxExport_IsTheCsvExport()
    {
        var uscc = SpreadsheetExportTests.NewUscc();
        var projects = new ProjectService.ProjectServiceClient(fixture.Gateway);
        foreach (var yuan in new long[] { 123_456_789, 10_005_000, 1, 99_999_999_999 })
        {
            var project = SpreadsheetExportTests.NewProject(uscc, yuan);
            project.Description = "含逗号, \"引号\" 与\n换行 and spaces";
            project.EquipmentInvestmentYuan = yuan / 3;
            await projects.CreateProjectAsync(new CreateProjectRequest { Project = project }, deadline: DateTime.UtcNow.AddSeconds(30));
        }

        var query = $"filter={Uri.EscapeDataString($"enterprise_uscc = \"{uscc}\"")}&order_by=project_code";
        var xlsx = await fixture.GatewayHttp.GetByteArrayAsync($"/v1/exports/projects.xlsx?{query}");
        var csv = Encoding.UTF8.GetString(await fixture.GatewayHttp.GetByteArrayAsync($"/v1/exports/projects.csv?{query}")).TrimStart('\uFEFF');

        var converted = await ConvertToCsvAsync(xlsx);

        // Field by field, as written (no number parsing): the two programs may quote a field differently.
        Assert.Equal(SpreadsheetSheets.ReadCsvFields(csv), SpreadsheetSheets.ReadCsvFields(converted));
        Assert.Contains("0.0001", converted, StringComparison.Ordinal);
        Assert.Contains("9999999.9999", converted, StringComparison.Ordinal);
    }

    /// <summary>soffice --headless --convert-to csv, UTF-8 (76), comma (44), double quote (34), in a profile of its own.</summary>
    private static async Task<string> ConvertToCsvAsync(byte[] xlsx)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice is not installed: scripts/test.sh installs libreoffice-calc (apt-get install libreoffice-calc).");
        var work = Directory.CreateTempSubdirectory("industry-libreoffice-");
        try
        {
            var input = Path.Combine(work.FullName, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList =
                {
                    $"-env:UserInstallation=file://{work.FullName}/profile", "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", work.FullName, input,
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var result = Path.Combine(work.FullName, "export.csv");
            Assert.True(File.Exists(result), $"soffice exited {process.ExitCode}: {await output} {await error}");
            return await File.ReadAllTextAsync(result, Encoding.UTF8);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
