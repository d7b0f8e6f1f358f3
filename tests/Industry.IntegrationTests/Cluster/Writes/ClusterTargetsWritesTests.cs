using Google.Protobuf.WellKnownTypes;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.Clusters.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Writes;
using Industry.TestInfrastructure;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster.Writes;

/// <summary>The cluster targets' upsert in-process on SQLite, through the real write pipeline (the suite's one yearly-targets upsert).</summary>
public sealed class ClusterTargetsWritesTests() : WriteHarnessTests<SqliteClusterDbContext>("cluster")
{
    private static readonly ClusterTargetsDraft None = new(null, null, null, null, null, null, null, null, [], []);

    private Task<Proto.ClusterTargets> UpdateAsync(string name, ClusterTargetsDraft values, bool allowMissing = false, string etag = "", FieldMask? mask = null) =>
        Harness.WriteAsync(
            new Proto.UpdateClusterTargetsRequest(),
            (db, w) => new ClusterTargetsWrites(db).UpdateAsync(w, new TargetsUpdate<ClusterTargetsDraft>("cluster_targets", name, etag, values, mask, allowMissing)));

    [Fact]
    public async Task Update_CreatedWithNothingThenSet_IsVersionOneThenTwoWithTheChangedPaths()
    {
        var created = await UpdateAsync("clusterTargets/2031", None, allowMissing: true);
        var updated = await UpdateAsync("clusterTargets/2031", None with { LittleGiants = 20, InnovativeSmes = 3000 }, etag: created.Etag);

        Assert.Equal(("W/\"1\"", "W/\"2\"", 20), (created.Etag, updated.Etag, updated.LittleGiants));
        var masks = (await Harness.EventsAsync()).Select(e => Proto.ClusterTargetsUpdated.Parser.ParseJson(e.Body).UpdateMask.Paths.ToList());
        Assert.Equal([[], ["innovative_smes", "little_giants"]], masks);
    }

    [Fact]
    public async Task Update_NegativeOrUnknownPath_IsInvalidArgumentBeforeTheTargetsAreRead()
    {
        var negative = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("clusterTargets/2032", None with { InnovativeSmes = -1, SingleChampions = -2 }));
        var unknown = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("clusterTargets/2032", None, mask: new() { Paths = { "year" } }));

        Assert.Equal(["cluster_targets.innovative_smes", "cluster_targets.single_champions"], negative.FieldViolations.Select(v => v.Field));
        Assert.Equal(["must not be negative.", "must not be negative."], negative.FieldViolations.Select(v => v.Description));
        Assert.Equal(["update_mask"], unknown.FieldViolations.Select(v => v.Field));
        Assert.Empty(await Harness.EventsAsync());
    }
}
