using Industry.Parks.Data;
using Industry.Parks.V1;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Industry.ServiceDefaults.Pagination;

namespace Industry.Parks.Api;

/// <summary><c>industry.parks.v1.ParkService</c>: reads, and writes mapped to their handlers on the write pipeline.</summary>
internal sealed partial class ParksApi(
    ParksDbContext db,
    PageTokenCodec pageTokens,
    TimeProvider clock,
    WritePipeline writes,
    ParkWrites parks,
    TransformationWrites transformations,
    DigitalTargetsWrites targets,
    StateRepublisher republisher) : ParkService.ParkServiceBase;
