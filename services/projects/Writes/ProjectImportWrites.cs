using System.Globalization;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>
/// 批量导入: <c>ImportProjects</c>, the monthly scheduling sheets (月度调度表) streamed one row per message, as one write.
/// Rows are screened as they arrive and written in batches of <see cref="ProjectImportScreen.BatchSize"/>, each batch
/// in its own transaction (<see cref="ProjectImportWriter"/>), so a sheet of any length is imported at thousands of
/// rows per second in flat memory; the pipeline's own save finds nothing left to store.
/// </summary>
internal sealed class ProjectImportWrites(ProjectsDbContext db, IReferenceChecker references)
{
    public async Task<Proto.ImportProjectsResponse> ImportAsync(Write write, IAsyncEnumerable<ReceivedImportRow> rows)
    {
        var screen = new ProjectImportScreen();
        var writer = new ProjectImportWriter(db, write, new ImportReferenceCheck(references, write.Caller));
        var response = new Proto.ImportProjectsResponse();
        var pending = new List<PendingRow>(ProjectImportScreen.BatchSize);
        var lastRowNumber = 0;
        await foreach (var row in rows.WithCancellation(write.CancellationToken))
        {
            if (!screen.Admit())
            {
                await FlushAsync(writer, pending, response);
                throw TooManyRows(lastRowNumber);
            }

            lastRowNumber = row.RowNumber;
            var failure = screen.Screen(row.RowNumber, row.Draft, row.Violations);
            pending.Add(failure is null ? new PendingRow(new ImportRow(row.RowNumber, row.Draft!), null) : new PendingRow(null, failure));
            if (pending.Count == ProjectImportScreen.BatchSize)
            {
                await FlushAsync(writer, pending, response);
            }
        }

        await FlushAsync(writer, pending, response);
        response.RowCount = screen.RowCount;
        return response;
    }

    /// <summary>Writes the pending rows' valid ones and counts every pending row, in the order received.</summary>
    private static async Task FlushAsync(ProjectImportWriter writer, List<PendingRow> pending, Proto.ImportProjectsResponse response)
    {
        var rows = pending.Where(p => p.Row is not null).Select(p => p.Row!).ToList();
        var results = rows.Count == 0 ? [] : await writer.WriteAsync(rows);
        var next = 0;
        foreach (var row in pending)
        {
            var result = row.Failure is { } screened ? new ImportResult(ImportOutcome.Failed, screened) : results[next++];
            switch (result.Outcome)
            {
                case ImportOutcome.Created:
                    response.CreatedCount++;
                    break;
                case ImportOutcome.Updated:
                    response.UpdatedCount++;
                    break;
                case ImportOutcome.Unchanged:
                    response.UnchangedCount++;
                    break;
                default:
                    response.FailedCount++;
                    if (response.Failures.Count < ProjectImportScreen.MaxFailuresListed)
                    {
                        response.Failures.Add(result.Failure!.ToProto());
                    }

                    break;
            }
        }

        pending.Clear();
    }

    private static ServiceException TooManyRows(int lastRowNumber)
    {
        var max = ProjectImportScreen.MaxRowsPerCall.ToString(CultureInfo.InvariantCulture);
        return new ServiceException(ErrorKind.ResourceExhausted, "IMPORT_TOO_MANY_ROWS",
            $"An import takes at most {max} rows. The first {max} (through row {lastRowNumber}) were imported; send the rest in another call (re-sending a row is harmless).",
            new Dictionary<string, string>
            {
                ["max_rows"] = max,
                ["last_imported_row_number"] = lastRowNumber.ToString(CultureInfo.InvariantCulture),
            });
    }

    /// <summary>A received row: screened into a row to write, or already failed.</summary>
    private sealed record PendingRow(ImportRow? Row, ImportRowFailure? Failure);
}
