using Google.Protobuf.WellKnownTypes;
using Industry.Parks.Api;
using Industry.Parks.Data;
using Industry.ServiceDefaults.Api;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Writes;

/// <summary>企业数字化转型: the transformations' use cases, each one write on the pipeline; levels only go up.</summary>
internal sealed class TransformationWrites(ParksDbContext db)
{
    private static readonly string[] DescriptivePaths = ["enterprise_display_name", "note"];

    /// <summary>
    /// Records a level an enterprise reached in the park <paramref name="report"/> names: a new record, a higher level
    /// (<c>TransformationRecorded</c>), new descriptive fields (<c>TransformationUpdated</c>), or nothing when it repeats
    /// what is recorded.
    /// </summary>
    public async Task<Proto.Transformation> RecordAsync(Write write, TransformationReport report)
    {
        var parkId = ResourceName.Id(report.Parent, Park.Collection, "parent");
        var uscc = report.EnterpriseUscc.Trim().ToUpperInvariant();
        var displayName = report.EnterpriseDisplayName.Trim();
        ServiceException.ThrowIfAny(TransformationRules.CheckRecord(uscc, report.Level, report.Year, displayName, report.Note, write.Today.Year));
        var park = await write.LoadAsync(db.Parks.AsNoTracking().Where(p => p.Id == parkId), report.Parent, etag: null);
        if (!ParkLifecycle.AcceptsTransformations(park.State))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PARK_NOT_ACCEPTING_TRANSFORMATIONS",
                $"{park.Name} is {ParkLifecycle.ApiName(park.State)}; transformations are recorded in parks that are applied, under review or certified.",
                new Dictionary<string, string> { ["resource"] = park.Name, ["current_state"] = ParkLifecycle.ApiName(park.State) },
                preconditionViolations: [new PreconditionViolation("PARK_STATE", "parent", "Record transformations in a park that is not REJECTED or REVOKED.")]);
        }

        var reached = new LevelReached(report.Level!.Value, report.Year, TransformationSource.Reported);
        var id = Transformation.IdOf(parkId, uscc);

        // An earlier item of the same batch may have recorded the enterprise already: look among the tracked ones too.
        var transformation = db.Transformations.Local.FirstOrDefault(t => t.Id == id)
            ?? await db.Transformations.SingleOrDefaultAsync(t => t.Id == id, write.CancellationToken);
        if (transformation is null)
        {
            if (displayName.Length == 0)
            {
                throw ServiceException.InvalidArgument("enterprise_display_name", "is required when the enterprise's first transformation in the park is recorded.");
            }

            return await AddAsync(write, park, uscc, displayName, report.Note, reached);
        }

        Etag.Require(report.Etag, transformation.Version, transformation.Name);
        var previous = transformation.Level;
        var change = transformation.Record(reached, displayName.Length > 0 ? displayName : null, report.Note.Length > 0 ? report.Note : null, write.Now, write.Actor);
        var proto = transformation.ToProto();
        if (change.Raised)
        {
            write.Raise(new Proto.TransformationRecorded { Transformation = proto, PreviousLevel = (Proto.TransformationLevel)previous }, transformation);
        }
        else if (change.Described.Count > 0)
        {
            write.Raise(new Proto.TransformationUpdated { Transformation = proto, UpdateMask = new FieldMask { Paths = { change.Described } } }, transformation);
        }

        return proto;
    }

    /// <summary>RecordAsync for every item, in order, in one write: every item and its event are stored, or none is.</summary>
    public async Task<Proto.BatchRecordTransformationsResponse> BatchRecordAsync(Write write, string parent, IReadOnlyList<TransformationReport> reports)
    {
        ResourceName.Id(parent, Park.Collection, "parent");
        var recorded = await BatchItems.EachAsync(db, reports, (report, _) => RecordAsync(write, report with { Parent = BatchItems.Parent(parent, report.Parent) }));
        return new() { Transformations = { recorded } };
    }

    /// <summary>A new record of <paramref name="uscc"/> in <paramref name="park"/>; its versions go on from a deleted record of the same name.</summary>
    private async Task<Proto.Transformation> AddAsync(Write write, Park park, string uscc, string displayName, string note, LevelReached reached)
    {
        var transformation = await write.AddAbsentAsync(
            db.Transformations, $"{park.Name}/{Transformation.Collection}/{uscc}", version => Transformation.Create(park, uscc, displayName, note, reached, write.Now, write.Actor, version));
        var proto = transformation.ToProto();
        write.Raise(new Proto.TransformationRecorded { Transformation = proto }, transformation);
        return proto;
    }

    public async Task<Proto.Transformation> UpdateAsync(Write write, string name, string etag, string displayName, string note, FieldMask? mask)
    {
        var transformation = await LoadAsync(write, name, "transformation.name", etag);
        var paths = UpdateMask.Resolve(mask, DescriptivePaths, path => (path == "note" ? note : displayName).Length > 0);
        displayName = paths.Contains("enterprise_display_name") ? displayName.Trim() : transformation.EnterpriseDisplayName;
        note = paths.Contains("note") ? note : transformation.Note;
        ServiceException.ThrowIfAny(TransformationRules.CheckDescription(displayName, note, required: true, prefix: "transformation."));

        var changed = transformation.Describe(displayName, note, write.Now, write.Actor);
        var proto = transformation.ToProto();
        if (changed.Count > 0)
        {
            write.Raise(new Proto.TransformationUpdated { Transformation = proto, UpdateMask = new FieldMask { Paths = { changed } } }, transformation);
        }

        return proto;
    }

    public async Task<Empty> DeleteAsync(Write write, string name, string etag)
    {
        var transformation = await LoadAsync(write, name, "name", etag);
        await write.DeleteAsync(db.Transformations, transformation, t => new Proto.TransformationDeleted { Transformation = t.ToProto() }); // its milestones go with it
        return new();
    }

    private Task<Transformation> LoadAsync(Write write, string name, string field, string etag)
    {
        var id = Transformation.KeyOf(name, field);
        return write.LoadAsync(db.Transformations.Where(t => t.Id == id), name, etag);
    }
}

/// <summary>One RecordTransformation: the park, the enterprise, the level reached in a year, and its descriptive fields.</summary>
internal sealed record TransformationReport(string Parent, string EnterpriseUscc, TransformationLevel? Level, int Year, string EnterpriseDisplayName, string Note, string Etag);
