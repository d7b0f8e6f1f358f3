using Google.Protobuf.WellKnownTypes;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Security;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>What one screened row did; <see cref="Failure"/> is set when <see cref="Outcome"/> is Failed.</summary>
internal readonly record struct ImportResult(ImportOutcome Outcome, ImportRowFailure? Failure = null);

/// <summary>
/// Writes batches of screened import rows: one look-up of the batch's codes, then per row a create, a revision or
/// nothing, each created or changed project raising its event through the outbox, and one transaction for the batch
/// (<see cref="ProjectImportStore"/>). A new project gets the id CreateProject would give it (<c>p-{code}</c>). A row the
/// caller may not write (a city editor's row for another city, or for a stored project of another city) fails
/// PERMISSION_DENIED on its own, before anything reveals whether its project exists.
/// </summary>
internal sealed class ProjectImportWriter(ProjectsDbContext db, Write write, ImportReferenceCheck references)
{
    /// <summary>Whole-batch attempts before falling back to one transaction per row.</summary>
    private const int BatchAttempts = 2;

    /// <summary>The result of each row of <paramref name="rows"/>, in order.</summary>
    public async Task<ImportResult[]> WriteAsync(IReadOnlyList<ImportRow> rows)
    {
        var results = new ImportResult[rows.Count];
        var all = Enumerable.Range(0, rows.Count).ToList();

        // A concurrent write to one of the batch's projects (a version or code another call changed between the
        // look-up and the save) rolls the batch back; it is read and applied again.
        for (var attempt = 1; attempt <= BatchAttempts; attempt++)
        {
            if (await TryWriteAsync(rows, all, results))
            {
                return results;
            }
        }

        // Still contested: one transaction per row, so that only the contested rows fail (ABORTED) and the rest stand.
        foreach (var i in all)
        {
            if (!await TryWriteAsync(rows, [i], results))
            {
                results[i] = new ImportResult(ImportOutcome.Failed, new ImportRowFailure(
                    rows[i].RowNumber, rows[i].Draft.ProjectCode, ErrorKind.Aborted,
                    "The project was changed by another request while this row was written; send the row again.", []));
            }
        }

        return results;
    }

    /// <summary>Applies the rows at <paramref name="indices"/> in one transaction; false when a concurrent write won (nothing stored).</summary>
    private async Task<bool> TryWriteAsync(IReadOnlyList<ImportRow> rows, List<int> indices, ImportResult[] results)
    {
        if (indices.Count == 0)
        {
            return true;
        }

        var codes = indices.Select(i => rows[i].Draft.ProjectCode).ToList();
        var stored = await db.ForImportAsync(codes, codes.Select(ProjectWrites.DefaultId).ToList(), write.CancellationToken);
        var byCode = stored.ToDictionary(p => p.ProjectCode, StringComparer.Ordinal);
        var takenIds = stored.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var batch = indices.Select(i => rows[i]).ToList();
        var newNames = batch.Where(r => !byCode.ContainsKey(r.Draft.ProjectCode)).Select(r => "projects/" + ProjectWrites.DefaultId(r.Draft.ProjectCode)).ToList();
        var buried = newNames.Count == 0 ? [] : await db.LastVersionsAsync(newNames, write.CancellationToken);
        var referenceFailures = await references.CheckAsync(batch, [.. batch.Select(r => byCode.GetValueOrDefault(r.Draft.ProjectCode))], write.CancellationToken);
        List<Project> created = [], revised = [];
        for (var k = 0; k < batch.Count; k++)
        {
            results[indices[k]] = OutsideCallerCity(batch[k], byCode.GetValueOrDefault(batch[k].Draft.ProjectCode)) is { } denied ? new ImportResult(ImportOutcome.Failed, denied)
                : referenceFailures.TryGetValue(k, out var failure) ? new ImportResult(ImportOutcome.Failed, failure)
                : byCode.TryGetValue(batch[k].Draft.ProjectCode, out var project) ? Revise(project, batch[k], revised)
                : Create(batch[k], takenIds, buried, created);
        }

        return await db.TrySaveAsync(created, revised, write.CancellationToken);
    }

    /// <summary>The failure of a row the caller may not write: its county's city, and the stored project's, must be the caller's.</summary>
    private ImportRowFailure? OutsideCallerCity(ImportRow row, Project? stored)
    {
        if (write.Caller.MayWriteCity(Divisions.CityOf(row.Draft.CountyCode)?.Code) && (stored is null || write.Caller.MayWriteCity(stored.CityCode)))
        {
            return null;
        }

        var name = stored?.Name ?? "projects/" + ProjectWrites.DefaultId(row.Draft.ProjectCode);
        return ImportRowFailure.From(row.RowNumber, row.Draft.ProjectCode, CallerAccess.OutsideCity(write.Caller, name));
    }

    private ImportResult Revise(Project project, ImportRow row, List<Project> revised)
    {
        IReadOnlyList<string> changed;
        try
        {
            changed = project.Revise(row.Draft, write.Now, write.Actor);
        }
        catch (ServiceException ex)
        {
            return new ImportResult(ImportOutcome.Failed, ImportRowFailure.From(row.RowNumber, row.Draft.ProjectCode, ex));
        }

        if (changed.Count == 0)
        {
            return new ImportResult(ImportOutcome.Unchanged);
        }

        revised.Add(project);
        write.Raise(new Proto.ProjectUpdated { Project = project.ToProto(), UpdateMask = new FieldMask { Paths = { changed } } }, project);
        return new ImportResult(ImportOutcome.Updated);
    }

    /// <summary>A new project; <paramref name="buried"/> holds the last versions of deleted projects whose id it takes.</summary>
    private ImportResult Create(ImportRow row, HashSet<string> takenIds, Dictionary<string, long> buried, List<Project> created)
    {
        var id = ProjectWrites.DefaultId(row.Draft.ProjectCode);
        if (takenIds.Contains(id))
        {
            // Another project was created with this id explicitly; CreateProject would refuse the row the same way.
            return new ImportResult(ImportOutcome.Failed, ImportRowFailure.From(row.RowNumber, row.Draft.ProjectCode,
                ServiceException.AlreadyExists($"projects/{id}, a project with another code,")));
        }

        var project = Project.Create(id, row.Draft, write.Today, write.Now, write.Actor, buried.GetValueOrDefault("projects/" + id));
        created.Add(project);
        write.Raise(new Proto.ProjectCreated { Project = project.ToProto() }, project);
        return new ImportResult(ImportOutcome.Created);
    }
}
