using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Parks.Data;
using Industry.Parks.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>The park resource: standard methods.</summary>
internal sealed partial class ParksApi
{
    public override async Task<Proto.Park> GetPark(Proto.GetParkRequest request, ServerCallContext context) =>
        (await FindParkAsync(request.Name, "name", tracking: false, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListParksResponse> ListParks(Proto.ListParksRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var filter = ParkListing.Filter.Translate(request.Filter);
        var order = ParkListing.Order.Parse(request.OrderBy);

        // A token continues only the query it was issued for: same filter, same order.
        var scope = PageTokenCodec.Scope(nameof(ListParks), request.Filter, request.OrderBy);
        IQueryable<Park> query = db.Parks.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        var (page, next) = await pageTokens.ReadAsync(query, order, pageSize, request.PageToken, scope, context.CancellationToken);
        return new Proto.ListParksResponse { Parks = { page.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.Park> CreatePark(Proto.CreateParkRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => CreateParkOnceAsync(request, context));

    public override async Task<Proto.Park> UpdatePark(Proto.UpdateParkRequest request, ServerCallContext context)
    {
        var requested = request.Park ?? throw ServiceException.InvalidArgument("park", "is required.");
        var park = await FindParkForWriteAsync(requested.Name, "park.name", context);
        Etag.Require(requested.Etag, park.Version, park.Name);

        var merged = ParkMapping.Editable.Merge(park.ToDraft(), requested.ToDraft(), request.UpdateMask);
        var violations = ParkRules.Check(merged);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        if (merged.CountyCode != park.CountyCode)
        {
            context.RequireCity(Divisions.CityOf(merged.CountyCode)?.Code, park.Name); // a city editor cannot move it out
        }

        var actor = Actor.Of(context);
        var city = park.CityCode;
        var changed = park.Revise(merged, Now, actor);
        var proto = park.ToProto();
        if (changed.Count == 0)
        {
            return proto;
        }

        outbox.Add(new Proto.ParkUpdated { Park = proto, UpdateMask = new FieldMask { Paths = { changed } } }, park.Name, park.Version, actor);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (park.CityCode != city)
        {
            // Transformations carry their park's city (for lists and progress by city): they move with it.
            await db.Transformations.Where(t => t.ParkId == park.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CityCode, park.CityCode), context.CancellationToken);
            await db.TransformationMilestones.Where(m => m.ParkId == park.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CityCode, park.CityCode), context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return proto;
    }

    public override async Task<Empty> DeletePark(Proto.DeleteParkRequest request, ServerCallContext context)
    {
        var park = await FindParkAsync(request.Name, "name", tracking: true, context.CancellationToken);
        Etag.Require(request.Etag, park.Version, park.Name);
        if (!ParkLifecycle.IsDeletable(park.State))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PARK_CERTIFIED",
                $"{park.Name} is {ParkLifecycle.ApiName(park.State)}; certifications are history and are not deleted.",
                new Dictionary<string, string> { ["resource"] = park.Name, ["current_state"] = ParkLifecycle.ApiName(park.State) });
        }

        if (!request.Force && await db.Transformations.AnyAsync(t => t.ParkId == park.Id, context.CancellationToken))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PARK_HAS_TRANSFORMATIONS",
                $"{park.Name} has transformations; delete them first or set force.",
                new Dictionary<string, string> { ["resource"] = park.Name });
        }

        var actor = Actor.Of(context);
        park.MarkDeleted(Now, actor);
        outbox.Add(new Proto.ParkDeleted { Park = park.ToProto() }, park.Name, park.Version, actor);
        await db.BuryAsync(park.Name, park.Version, Now, context.CancellationToken);
        db.Parks.Remove(park); // its (forced) transformations go with it (cascade), without events of their own
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private async Task<Proto.Park> CreateParkOnceAsync(Proto.CreateParkRequest request, ServerCallContext context)
    {
        var draft = (request.Park ?? throw ServiceException.InvalidArgument("park", "is required.")).ToDraft();
        var violations = ParkRules.Check(draft).ToList();
        if (request.ParkId.Length > 0 && !ResourceName.IsValidId(request.ParkId))
        {
            violations.Add(new FieldViolation("park_id", ResourceName.IdRule));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        // No natural key to derive a readable id from: a server-assigned id is random, and starts with a letter (AIP-122).
        var id = request.ParkId.Length > 0 ? request.ParkId : "k-" + Guid.NewGuid().ToString("N");
        context.RequireCity(Divisions.CityOf(draft.CountyCode)?.Code, Park.Collection + "/" + id); // before existence is revealed
        if (await db.Parks.AnyAsync(p => p.Id == id, context.CancellationToken))
        {
            throw ServiceException.AlreadyExists(Park.Collection + "/" + id);
        }

        var actor = Actor.Of(context);
        var previousVersion = await db.LastVersionAsync(Park.Collection + "/" + id, context.CancellationToken);
        var park = Park.Create(id, draft, Now, actor, previousVersion);
        db.Parks.Add(park);
        var proto = park.ToProto();
        outbox.Add(new Proto.ParkCreated { Park = proto }, park.Name, park.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }
}
