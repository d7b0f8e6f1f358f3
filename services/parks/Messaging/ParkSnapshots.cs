using Industry.Parks.Api;
using Industry.Parks.Data;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Messaging;

/// <summary>What the parks service republishes as snapshots (<c>RepublishState</c>, ADR 0042), in the order it raises them.</summary>
internal static class ParkSnapshots
{
    public static IReadOnlyList<SnapshotSource> Of(ParksDbContext db) =>
    [
        SnapshotSource.Of(db.Parks, p => new Proto.ParkSnapshot { Park = p.ToProto() }),
        SnapshotSource.Of(db.Transformations, t => new Proto.TransformationSnapshot { Transformation = t.ToProto() }),
        SnapshotSource.Of(db.DigitalTargets, t => new Proto.DigitalTargetsSnapshot { DigitalTargets = t.ToProto() }),
    ];
}
