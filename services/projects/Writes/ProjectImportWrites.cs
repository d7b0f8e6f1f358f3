using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Messaging.Outbox;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>
/// 批量导入: <c>ImportProjects</c>, the monthly scheduling sheets (月度调度表) streamed one row per message, as one write.
/// Rows are screened as they arrive and written in batches of <see cref="ProjectImportScreen.BatchSize"/>, each batch
/// in its own transaction (<see cref="ProjectImportStore"/>), so a sheet of any length is imported at thousands of
/// rows per second in flat memory; the pipeline's own save finds nothing left to store. A batch is one look-up of its
/// codes and one of its references, then per row a create, a revision or nothing, each created or changed project
/// raising its event through the outbox. A new project gets the id CreateProject would give it (<c>p-{code}</c>).
/// </summary>
internal sealed class ProjectImportWrites(ProjectsDbContext db, IReferenceChecker references)
{
    /// <summary>Whole-batch attempts before falling back to one transaction per row.</summary>
    private const int BatchAttempts = 2;

    public async Task<Proto.ImportProjectsResponse> ImportAsync(Write write, IAsyncEnumerable<ReceivedImportRow> rows)
    {
        var screen = new ProjectImportScreen();
        var known = new KnownReferences(references);
        var response = new Proto.ImportProjectsResponse();
        var pending = new List<PendingRow>(ProjectImportScreen.BatchSize);
        var lastRowNumber = 0;

        // One batch is written while the next is received and screened: the stream's parsing and the database's
        // round trips overlap instead of taking turns. Never two writes at once (one context, results in row order).
        var writing = Task.CompletedTask;
        try
        {
            await foreach (var row in rows.WithCancellation(write.CancellationToken))
            {
                if (!screen.Admit())
                {
                    await writing;
                    await FlushAsync(write, known, pending, response);
                    throw TooManyRows(lastRowNumber);
                }

                lastRowNumber = row.RowNumber;
                var failure = screen.Screen(row.RowNumber, row.Draft, row.Violations);
                pending.Add(failure is null ? new PendingRow(new ImportRow(row.RowNumber, row.Draft!), null) : new PendingRow(null, failure));
                if (pending.Count == ProjectImportScreen.BatchSize)
                {
                    await writing;
                    writing = FlushAsync(write, known, pending, response);
                    pending = new List<PendingRow>(ProjectImportScreen.BatchSize);
                }
            }

            await writing;
        }
        finally
        {
            // The stream failed (or was cancelled) while a batch was being written: the context is not released
            // before that write ends. Its own failure, if any, is secondary to the stream's.
            if (!writing.IsCompleted)
            {
                await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        await FlushAsync(write, known, pending, response);
        response.RowCount = screen.RowCount;
        return response;
    }

    /// <summary>Writes the pending rows' valid ones and counts every pending row, in the order received; <paramref name="pending"/> is left empty.</summary>
    private async Task FlushAsync(Write write, IReferenceChecker known, List<PendingRow> pending, Proto.ImportProjectsResponse response)
    {
        var rows = pending.Where(p => p.Row is not null).Select(p => p.Row!).ToList();
        var results = rows.Count == 0 ? [] : await WriteAsync(write, known, rows);
        var next = 0;
        foreach (var row in pending)
        {
            var result = row.Failure is { } screened ? new ImportResult(ImportOutcome.Failed, screened) : results[next++];
            switch (result.Outcome)
            {
                case ImportOutcome.Created:
                    response.CreatedCount++;
                    response.CreatedRowNumbers.Add(row.Row!.RowNumber);
                    break;
                case ImportOutcome.Updated:
                    response.UpdatedCount++;
                    response.UpdatedRowNumbers.Add(row.Row!.RowNumber);
                    break;
                case ImportOutcome.Unchanged:
                    response.UnchangedCount++;
                    response.UnchangedRowNumbers.Add(row.Row!.RowNumber);
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

    /// <summary>The result of each row of <paramref name="rows"/>, in order.</summary>
    private async Task<ImportResult[]> WriteAsync(Write write, IReferenceChecker known, List<ImportRow> rows)
    {
        // A concurrent write to one of the batch's projects (a version or code another call changed between the
        // look-up and the save) rolls the batch back; it is read and applied again.
        for (var attempt = 1; attempt <= BatchAttempts; attempt++)
        {
            if (await TryWriteAsync(write, known, rows) is { } written)
            {
                return written;
            }
        }

        // Still contested: one transaction per row, so that only the contested rows fail (ABORTED) and the rest stand.
        var results = new ImportResult[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            results[i] = (await TryWriteAsync(write, known, [rows[i]]))?[0] ?? new ImportResult(ImportOutcome.Failed, new ImportRowFailure(
                rows[i].RowNumber, rows[i].Draft.ProjectCode, ErrorKind.Aborted,
                "The project was changed by another request while this row was written; send the row again.", []));
        }

        return results;
    }

    /// <summary>Applies <paramref name="rows"/> in one transaction: the result of each, or null when a concurrent write won (nothing stored).</summary>
    private async Task<ImportResult[]?> TryWriteAsync(Write write, IReferenceChecker known, List<ImportRow> rows)
    {
        var codes = rows.Select(r => r.Draft.ProjectCode).ToList();
        var stored = await db.ForImportAsync(codes, codes.Select(ProjectWrites.DefaultId).ToList(), write.CancellationToken);
        var byCode = stored.ToDictionary(p => p.ProjectCode, StringComparer.Ordinal);
        var takenIds = stored.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var newNames = codes.Where(c => !byCode.ContainsKey(c)).Select(c => Project.Collection + "/" + ProjectWrites.DefaultId(c)).ToList();
        var buried = newNames.Count == 0 ? [] : await db.LastVersionsAsync(newNames, write.CancellationToken);

        // The batch's distinct new or changed references in one look-up, before anything is written.
        var toCheck = rows.Select(r => ProjectReferences.ToCheck(r.Draft, byCode.GetValueOrDefault(r.Draft.ProjectCode)?.ToDraft())).ToList();
        var answers = await known.LookUpAsync([.. toCheck.SelectMany(c => c).Select(r => r.Name).Distinct(StringComparer.Ordinal)], write.CancellationToken);
        List<Project> created = [], revised = [];
        var results = new ImportResult[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, project) = (rows[i], byCode.GetValueOrDefault(rows[i].Draft.ProjectCode));
            try
            {
                // A row the caller may not write (for another city, or for a stored project of another city) fails
                // PERMISSION_DENIED before anything reveals whether its project exists; then its references, as
                // CreateProject checks them (ProjectReferences.Require). Each fails only its own row.
                var name = project?.Name ?? Project.Collection + "/" + ProjectWrites.DefaultId(row.Draft.ProjectCode);
                write.RequireCity(Divisions.CityOf(row.Draft.CountyCode)?.Code, name);
                if (project is not null)
                {
                    write.RequireCity(project.CityCode, name);
                }

                ProjectReferences.Require(toCheck[i], answers, ProjectReferences.CityOf(row.Draft), write.Caller);
                results[i] = new(project is null ? Create(write, row.Draft, takenIds, buried, created) : Revise(write, project, row.Draft, revised));
            }
            catch (ServiceException ex)
            {
                results[i] = new(ImportOutcome.Failed, ImportRowFailure.From(row.RowNumber, row.Draft.ProjectCode, ex));
            }
        }

        return await db.TrySaveAsync(created, revised, write.CancellationToken) ? results : null;
    }

    private static ImportOutcome Revise(Write write, Project project, ProjectDraft draft, List<Project> revised)
    {
        var changed = project.Revise(draft, write.Now, write.Actor);
        if (changed.Count == 0)
        {
            return ImportOutcome.Unchanged;
        }

        revised.Add(project);
        write.Raise(new Proto.ProjectUpdated { Project = project.ToProto(), UpdateMask = new FieldMask { Paths = { changed } } }, project);
        return ImportOutcome.Updated;
    }

    /// <summary>A new project; <paramref name="buried"/> holds the last versions of deleted projects whose id it takes.</summary>
    private static ImportOutcome Create(Write write, ProjectDraft draft, HashSet<string> takenIds, Dictionary<string, long> buried, List<Project> created)
    {
        var id = ProjectWrites.DefaultId(draft.ProjectCode);
        if (takenIds.Contains(id))
        {
            // Another project was created with this id explicitly; CreateProject would refuse the row the same way.
            throw ServiceException.AlreadyExists($"projects/{id}, a project with another code,");
        }

        var project = Project.Create(id, draft, write.Today, write.Now, write.Actor, buried.GetValueOrDefault("projects/" + id));
        created.Add(project);
        write.Raise(new Proto.ProjectCreated { Project = project.ToProto() }, project);
        return ImportOutcome.Created;
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

    /// <summary>What one screened row did; <see cref="Failure"/> is set when <see cref="Outcome"/> is Failed.</summary>
    private readonly record struct ImportResult(ImportOutcome Outcome, ImportRowFailure? Failure = null);
}
