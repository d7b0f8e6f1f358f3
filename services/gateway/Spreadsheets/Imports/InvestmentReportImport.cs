using System.Collections.Concurrent;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// 月度调度表导入: each row of a monthly table becomes one <c>ReportInvestment</c> call with the caller's token, so that
/// every rule of a report (review, closed months, the project's start and total) is the service's, as for any caller.
/// The row is answered 新增 when its month had no report, 未变 when the stored report has the same amount and 形象进度
/// (nothing is sent: a second import of the same file writes nothing), else 更新, sent with the stored report's etag.
/// Rows of different projects go concurrently (at most <c>Spreadsheets:ReportConcurrency</c> at once); the rows of one
/// project in file order, since each changes its project's cumulative total (ADR 0044).
/// </summary>
internal sealed class InvestmentReportImport(ProjectService.ProjectServiceClient projects, IConfiguration configuration) : ISheetImport
{
    /// <summary>Default of <c>Spreadsheets:ReportConcurrency</c>: rows in flight to the projects service.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>The projects found so far by code: name and divisions only (a month of the province is 20,000 projects).</summary>
    private readonly ConcurrentDictionary<string, ProjectKey?> _projects = new(StringComparer.Ordinal);

    public SheetLayout Layout => InvestmentReportRows.Layout;

    public string Method { get; } = $"/{ProjectService.Descriptor.FullName}/ReportInvestment";

    public async Task ImportAsync(UploadedSheet sheet, ImportResults results, Caller caller, CancellationToken cancellation)
    {
        await Task.Yield(); // the sheet is read on the thread pool, not on the caller's
        using var gate = new SemaphoreSlim(Math.Max(1, configuration.GetValue("Spreadsheets:ReportConcurrency", DefaultConcurrency)));
        var firstRowOf = new Dictionary<(string Code, string Period), int>();
        var lastOfProject = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            foreach (var row in sheet.LayoutRows(Layout, results))
            {
                var (report, problem) = InvestmentReportRows.Read(row);
                if (report is null)
                {
                    results.Fail(row.Number, problem!);
                    continue;
                }

                // Two rows of one month would make the second's outcome depend on the first's: the clerk decides which is right.
                if (firstRowOf.TryGetValue((report.ProjectCode, report.Period), out var first))
                {
                    results.Fail(row.Number, $"与第 {first} 行重复（同一项目同一月份只能有一行）");
                    continue;
                }

                firstRowOf[(report.ProjectCode, report.Period)] = row.Number;
                await gate.WaitAsync(cancellation);
                var previous = lastOfProject.GetValueOrDefault(report.ProjectCode, Task.CompletedTask);
                lastOfProject[report.ProjectCode] = AfterAsync(previous, row.Number, report, results, caller, gate, cancellation);
            }
        }
        finally
        {
            // Even when the reading stopped (a cancelled request): the rows in flight release the gate before it goes.
            await Task.WhenAll(lastOfProject.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(lastOfProject.Values); // what a row threw that was no refusal of its own (a cancelled request)
    }

    private async Task AfterAsync(Task previous, int number, MonthlyReport report, ImportResults results, Caller caller, SemaphoreSlim gate, CancellationToken cancellation)
    {
        try
        {
            await previous;
            var outcome = await ReportAsync(report, caller, cancellation);
            results.Set(number, outcome);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled || !cancellation.IsCancellationRequested)
        {
            results.Fail(number, ImportFailures.Chinese(ex, ReportHeaders));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The row's outcome (新增, 更新, 未变, or 错误：… for a project it cannot find or may not write).</summary>
    private async Task<string> ReportAsync(MonthlyReport row, Caller caller, CancellationToken cancellation)
    {
        if (await FindAsync(row.ProjectCode, cancellation) is not { } project)
        {
            return ImportResults.ErrorPrefix + $"项目代码“{row.ProjectCode}”不存在（请先导入项目清单）";
        }

        // The service refuses a write outside the caller's city or county; an unchanged row writes nothing, so it is
        // refused here as well: a clerk's file holds its own projects only.
        if (!caller.MayWriteCounty(project.CityCode, project.CountyCode))
        {
            var reason = caller.IsCountyEditor ? "OUTSIDE_CALLER_COUNTY" : "OUTSIDE_CALLER_CITY";
            return ImportResults.ErrorPrefix + ImportFailures.Refusal(reason);
        }

        var name = $"{project.Name}/investmentReports/{row.Period}";
        InvestmentReport? stored = null;
        try
        {
            stored = await projects.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = name }, cancellationToken: cancellation);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
        }

        if (stored is not null && stored.CompletedInvestmentYuan == row.CompletedInvestmentYuan && stored.ProgressNote == row.ProgressNote)
        {
            return ImportResults.Unchanged;
        }

        await projects.ReportInvestmentAsync(new ReportInvestmentRequest
        {
            Parent = project.Name,
            Period = row.Period,
            CompletedInvestmentYuan = row.CompletedInvestmentYuan,
            ProgressNote = row.ProgressNote,
            Etag = stored?.Etag ?? string.Empty,
            CorrectionReason = row.CorrectionReason,
            RequestId = Guid.NewGuid().ToString(), // a retried call (UNAVAILABLE) is not applied twice
        }, cancellationToken: cancellation);
        return stored is null ? ImportResults.Created : ImportResults.Updated;
    }

    /// <summary>The project of a code (the sheet names projects by code, the API by name), once per import.</summary>
    private async Task<ProjectKey?> FindAsync(string code, CancellationToken cancellation)
    {
        if (_projects.TryGetValue(code, out var known))
        {
            return known;
        }

        var page = await projects.ListProjectsAsync(new ListProjectsRequest { Filter = $"project_code = \"{code}\"", PageSize = 1 }, cancellationToken: cancellation);
        return _projects[code] = page.Projects.FirstOrDefault() is { } p ? new ProjectKey(p.Name, p.CityCode, p.CountyCode) : null;
    }

    private sealed record ProjectKey(string Name, string CityCode, string CountyCode);

    private static readonly Dictionary<string, string> ReportHeaders = new(StringComparer.Ordinal)
    {
        ["parent"] = InvestmentReportRows.ProjectCode,
        ["period"] = InvestmentReportRows.Period,
        ["completed_investment_yuan"] = InvestmentReportRows.CompletedInvestment,
        ["progress_note"] = InvestmentReportRows.ProgressNote,
        ["correction_reason"] = InvestmentReportRows.CorrectionReason,
    };
}
