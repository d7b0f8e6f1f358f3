using Grpc.Core;
using Industry.Parks.Data;
using Industry.Parks.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;

namespace Industry.Parks.Api;

/// <summary>
/// <c>industry.parks.v1.ParkService</c>: thin endpoints that validate, call the domain and map. Methods not
/// overridden here answer UNIMPLEMENTED until their issue lands.
/// </summary>
internal sealed class ParksApi(ParksDbContext db) : ParkService.ParkServiceBase
{
    public override async Task<DigitalTargets> GetDigitalTargets(GetDigitalTargetsRequest request, ServerCallContext context)
    {
        var year = ResourceName.Year(request.Name, "digitalTargets");
        var targets = await db.DigitalTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        return targets.ToProto();
    }
}
