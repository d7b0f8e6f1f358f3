using Grpc.Core;
using Industry.Parks.Data;
using Industry.Parks.V1;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Security;
using Industry.ServiceDefaults.Writes;
using Microsoft.EntityFrameworkCore;

namespace Industry.Parks.Api;

/// <summary><c>industry.parks.v1.ParkService</c>: thin endpoints that validate, call the domain and map.</summary>
internal sealed partial class ParksApi(
    ParksDbContext db,
    EventOutbox outbox,
    PageTokenCodec pageTokens,
    TimeProvider clock,
    RequestIdempotency idempotency,
    WritePipeline writes,
    ParkWrites parks) : ParkService.ParkServiceBase
{
    private DateTime Now => WireTime.UtcNow(clock);

    private int CurrentYear => ChinaTime.Today(clock).Year;

    public override async Task<DigitalTargets> GetDigitalTargets(GetDigitalTargetsRequest request, ServerCallContext context)
    {
        var year = ResourceName.Year(request.Name, "digitalTargets");
        var targets = await db.DigitalTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        return targets.ToProto();
    }

    /// <summary>
    /// The park to write, tracked. A city editor gets PERMISSION_DENIED for another city's park and for an absent one
    /// alike, so it cannot probe other cities' ids; others get NOT_FOUND for an absent one.
    /// </summary>
    private async Task<Domain.Park> FindParkForWriteAsync(string name, string field, ServerCallContext context)
    {
        var id = ResourceName.Id(name, Domain.Park.Collection, field);
        var park = await db.Parks.SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken);
        context.RequireCity(park?.CityCode, name);
        return park ?? throw ServiceException.NotFound(name);
    }

    private async Task<Domain.Park> FindParkAsync(string name, string field, bool tracking, CancellationToken cancellationToken)
    {
        var id = ResourceName.Id(name, Domain.Park.Collection, field);
        var query = tracking ? db.Parks : db.Parks.AsNoTracking();
        return await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw ServiceException.NotFound(name);
    }
}
