using System.Runtime.CompilerServices;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// 项目导入: the rows of a 项目清单 sheet streamed into <c>ImportProjects</c> with the caller's token, one message per
/// readable row, and each row's outcome from the answer: the service matches rows by project code, so a second import
/// of the same sheet leaves every row 未变, and it refuses a city editor's rows of other cities one by one.
/// </summary>
internal sealed class ProjectImport(ProjectService.ProjectServiceClient projects) : ISheetImport
{
    /// <summary>The whole import is one call; a large sheet takes minutes on a busy service.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public SheetLayout Layout => ProjectRows.Layout;

    public string Method { get; } = $"/{ProjectService.Descriptor.FullName}/ImportProjects";

    public async Task ImportAsync(UploadedSheet sheet, ImportResults results, Caller caller, CancellationToken cancellation)
    {
        using var call = projects.ImportProjects(deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellation);
        await foreach (var request in Requests(sheet, results, cancellation))
        {
            await call.RequestStream.WriteAsync(request, cancellation);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;
        foreach (var row in response.CreatedRowNumbers)
        {
            results.Set(row, ImportResults.Created);
        }

        foreach (var row in response.UpdatedRowNumbers)
        {
            results.Set(row, ImportResults.Updated);
        }

        foreach (var row in response.UnchangedRowNumbers)
        {
            results.Set(row, ImportResults.Unchanged);
        }

        foreach (var failure in response.Failures)
        {
            results.Fail(failure.RowNumber, ImportFailures.Chinese(failure));
        }

        // The service lists the first 1,000 failures; the others are counted only.
        foreach (var row in _sent.Where(r => results.Of(r).Length == 0))
        {
            results.Fail(row, "未通过校验（服务只列出前 1,000 个错误行的原因，请先修正上面的错误行后重新导入）");
        }
    }

    private readonly List<int> _sent = [];

    private async IAsyncEnumerable<ImportProjectsRequest> Requests(UploadedSheet sheet, ImportResults results, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await Task.Yield(); // the sheet is read on the thread pool, not on the caller's
        foreach (var row in sheet.LayoutRows(Layout, results))
        {
            cancellation.ThrowIfCancellationRequested();
            var (project, problem) = ProjectRows.Read(row);
            if (project is null)
            {
                results.Fail(row.Number, problem!);
                continue;
            }

            _sent.Add(row.Number);
            yield return new ImportProjectsRequest { RowNumber = row.Number, Project = project };
        }
    }
}
