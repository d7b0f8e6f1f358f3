using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Parks.Data;
using Industry.Parks.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>企业数字化转型: enterprises' transformations in a park, whose levels only go up.</summary>
internal sealed partial class ParksApi
{
    public override Task<Proto.Transformation> RecordTransformation(Proto.RecordTransformationRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => RecordTransformationOnceAsync(request, context));

    public override async Task<Proto.Transformation> GetTransformation(Proto.GetTransformationRequest request, ServerCallContext context) =>
        (await FindTransformationAsync(request.Name, "name", tracking: false, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListTransformationsResponse> ListTransformations(Proto.ListTransformationsRequest request, ServerCallContext context)
    {
        var parkId = ResourceName.Id(request.Parent, Park.Collection, "parent");
        var pageSize = PageSize.Normalize(request.PageSize);
        var filter = TransformationListing.Filter.Translate(request.Filter);
        var order = TransformationListing.Order.Parse(request.OrderBy);
        var scope = PageTokenCodec.Scope(nameof(ListTransformations), request.Parent, request.Filter, request.OrderBy);
        IQueryable<Transformation> query = db.Transformations.AsNoTracking();
        if (parkId != "-")
        {
            if (!await db.Parks.AnyAsync(p => p.Id == parkId, context.CancellationToken))
            {
                throw ServiceException.NotFound(request.Parent);
            }

            query = query.Where(t => t.ParkId == parkId);
        }

        if (filter is not null)
        {
            query = query.Where(filter);
        }

        var (page, next) = await pageTokens.ReadAsync(query, order, pageSize, request.PageToken, scope, context.CancellationToken);
        return new Proto.ListTransformationsResponse { Transformations = { page.Select(t => t.ToProto()) }, NextPageToken = next };
    }

    public override async Task<Proto.Transformation> UpdateTransformation(Proto.UpdateTransformationRequest request, ServerCallContext context)
    {
        var requested = request.Transformation ?? throw ServiceException.InvalidArgument("transformation", "is required.");
        var transformation = await FindTransformationForWriteAsync(requested.Name, "transformation.name", context);
        Etag.Require(requested.Etag, transformation.Version, transformation.Name);

        var paths = UpdateMask.Resolve(request.UpdateMask, DescriptivePaths, path => path switch
        {
            "enterprise_display_name" => requested.EnterpriseDisplayName.Length > 0,
            _ => requested.Note.Length > 0,
        });
        var displayName = paths.Contains("enterprise_display_name") ? requested.EnterpriseDisplayName.Trim() : transformation.EnterpriseDisplayName;
        var note = paths.Contains("note") ? requested.Note : transformation.Note;
        var violations = TransformationRules.CheckDescription(displayName, note, required: true, prefix: "transformation.");
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var actor = Actor.Of(context);
        var changed = transformation.Describe(displayName, note, Now, actor);
        var proto = transformation.ToProto();
        if (changed.Count > 0)
        {
            outbox.Add(new Proto.TransformationUpdated { Transformation = proto, UpdateMask = new FieldMask { Paths = { changed } } }, transformation.Name, transformation.Version, actor);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return proto;
    }

    public override async Task<Empty> DeleteTransformation(Proto.DeleteTransformationRequest request, ServerCallContext context)
    {
        var transformation = await FindTransformationForWriteAsync(request.Name, "name", context);
        Etag.Require(request.Etag, transformation.Version, transformation.Name);

        var actor = Actor.Of(context);
        transformation.MarkDeleted(Now, actor);
        outbox.Add(new Proto.TransformationDeleted { Transformation = transformation.ToProto() }, transformation.Name, transformation.Version, actor);
        await db.BuryAsync(transformation.Name, transformation.Version, Now, context.CancellationToken);
        db.Transformations.Remove(transformation); // its milestones go with it
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private static readonly string[] DescriptivePaths = ["enterprise_display_name", "note"];

    private async Task<Proto.Transformation> RecordTransformationOnceAsync(Proto.RecordTransformationRequest request, ServerCallContext context)
    {
        var (proto, changed) = await RecordAsync(request, request.Parent, Actor.Of(context), context);
        if (changed)
        {
            idempotency.Record(proto);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return proto;
    }

    /// <summary>
    /// Validates one transformation in <paramref name="parent"/> and applies it, with its event, to the pending changes
    /// (RecordTransformation and its batch, whose earlier items may have recorded the same enterprise); whether anything changed.
    /// </summary>
    private async Task<(Proto.Transformation Transformation, bool Changed)> RecordAsync(
        Proto.RecordTransformationRequest request, string parent, string actor, ServerCallContext context)
    {
        var parkId = ResourceName.Id(parent, Park.Collection, "parent");
        var uscc = request.EnterpriseUscc.Trim().ToUpperInvariant();
        var level = request.Level == Proto.TransformationLevel.Unspecified ? (TransformationLevel?)null : (TransformationLevel)request.Level;
        var displayName = request.EnterpriseDisplayName.Trim();
        var violations = TransformationRules.CheckRecord(uscc, level, request.Year, displayName, request.Note, CurrentYear);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var ct = context.CancellationToken;
        var park = await db.Parks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == parkId, ct);
        context.RequireCity(park?.CityCode, parent);
        if (park is null)
        {
            throw ServiceException.NotFound(parent);
        }

        if (!ParkLifecycle.AcceptsTransformations(park.State))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PARK_NOT_ACCEPTING_TRANSFORMATIONS",
                $"{park.Name} is {ParkLifecycle.ApiName(park.State)}; transformations are recorded in parks that are applied, under review or certified.",
                new Dictionary<string, string> { ["resource"] = park.Name, ["current_state"] = ParkLifecycle.ApiName(park.State) },
                preconditionViolations: [new PreconditionViolation("PARK_STATE", "parent", "Record transformations in a park that is not REJECTED or REVOKED.")]);
        }

        var reached = new LevelReached(level!.Value, request.Year, TransformationSource.Reported);
        var id = Transformation.IdOf(parkId, uscc);
        var transformation = db.Transformations.Local.FirstOrDefault(t => t.Id == id)
            ?? await db.Transformations.SingleOrDefaultAsync(t => t.Id == id, ct);
        TransformationLevel previous = default;
        TransformationChange change;
        if (transformation is null)
        {
            if (displayName.Length == 0)
            {
                throw ServiceException.InvalidArgument("enterprise_display_name", "is required when the enterprise's first transformation in the park is recorded.");
            }

            var previousVersion = await db.LastVersionAsync($"{park.Name}/transformations/{uscc}", ct);
            transformation = Transformation.Create(park, uscc, displayName, request.Note, reached, Now, actor, previousVersion);
            db.Transformations.Add(transformation);
            change = new TransformationChange(Raised: true, Described: []);
        }
        else
        {
            Etag.Require(request.Etag, transformation.Version, transformation.Name);
            previous = transformation.Level;
            change = transformation.Record(reached, displayName.Length > 0 ? displayName : null, request.Note.Length > 0 ? request.Note : null, Now, actor);
        }

        var proto = transformation.ToProto();
        if (change.Raised)
        {
            outbox.Add(new Proto.TransformationRecorded { Transformation = proto, PreviousLevel = (Proto.TransformationLevel)previous }, transformation.Name, transformation.Version, actor);
        }
        else if (change.Described.Count > 0)
        {
            outbox.Add(new Proto.TransformationUpdated { Transformation = proto, UpdateMask = new FieldMask { Paths = { change.Described } } }, transformation.Name, transformation.Version, actor);
        }

        return (proto, change.Any);
    }

    /// <summary>The transformation to write, tracked; the park's city decides, as for <see cref="FindParkForWriteAsync"/>.</summary>
    private async Task<Transformation> FindTransformationForWriteAsync(string name, string field, ServerCallContext context)
    {
        var (parkId, uscc) = ResourceName.ChildId(name, Park.Collection, Transformation.Collection, field);
        var id = Transformation.IdOf(parkId, uscc.ToUpperInvariant());
        var transformation = await db.Transformations.SingleOrDefaultAsync(t => t.Id == id, context.CancellationToken);
        context.RequireCity(transformation?.CityCode, name);
        return transformation ?? throw ServiceException.NotFound(name);
    }

    private async Task<Transformation> FindTransformationAsync(string name, string field, bool tracking, CancellationToken cancellationToken)
    {
        var (parkId, uscc) = ResourceName.ChildId(name, Park.Collection, Transformation.Collection, field);
        var id = Transformation.IdOf(parkId, uscc.ToUpperInvariant());
        var query = tracking ? db.Transformations : db.Transformations.AsNoTracking();
        return await query.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ServiceException.NotFound(name);
    }
}
