using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Parks.Data;
using Industry.ServiceDefaults.Pagination;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>The park resource: standard methods and the certification workflow (SubmitPark → CertifyPark or RejectPark; RevokePark).</summary>
internal sealed partial class ParksApi
{
    public override async Task<Proto.Park> GetPark(Proto.GetParkRequest request, ServerCallContext context) =>
        (await db.Parks.GetAsync(Park.Collection, request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<Proto.ListParksResponse> ListParks(Proto.ListParksRequest request, ServerCallContext context)
    {
        var (page, next) = await pageTokens.ListAsync(db.Parks, ParkListing.Filter, ParkListing.Order, request, context.CancellationToken);
        return new() { Parks = { page.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.Park> CreatePark(Proto.CreateParkRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => parks.CreateAsync(w, request.ParkId, Required(request.Park, "park").ToDraft()));

    public override Task<Proto.Park> UpdatePark(Proto.UpdateParkRequest request, ServerCallContext context)
    {
        var park = Required(request.Park, "park");
        return writes.RunAsync(request, context, w => parks.UpdateAsync(w, park.Name, park.Etag, park.ToDraft(), request.UpdateMask));
    }

    public override Task<Empty> DeletePark(Proto.DeleteParkRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => parks.DeleteAsync(w, request.Name, request.Etag, request.Force));

    public override Task<Proto.Park> SubmitPark(Proto.SubmitParkRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => parks.SubmitAsync(w, request.Name, request.Etag));

    public override Task<Proto.Park> CertifyPark(Proto.CertifyParkRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => parks.CertifyAsync(w, request.Name, request.Etag, request.Year, request.Batch));

    public override Task<Proto.Park> RejectPark(Proto.RejectParkRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => parks.RejectAsync(w, request.Name, request.Etag, request.Reason));

    public override Task<Proto.Park> RevokePark(Proto.RevokeParkRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => parks.RevokeAsync(w, request.Name, request.Etag, request.Reason));
}
