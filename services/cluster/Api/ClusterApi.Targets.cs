using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>年度目标: the programme's targets per year, listed latest first and set by UpdateClusterTargets (with upsert).</summary>
internal sealed partial class ClusterApi
{
    private const string TargetsCollection = "clusterTargets";

    public override async Task<Proto.ListClusterTargetsResponse> ListClusterTargets(Proto.ListClusterTargetsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var scope = PageTokenCodec.Scope(nameof(ListClusterTargets));
        var query = db.ClusterTargets.AsNoTracking();
        if (request.PageToken.Length > 0)
        {
            var last = pageTokens.Decode(request.PageToken, scope, keys =>
                keys.Count == 1 && int.TryParse(keys[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : (int?)null);
            query = query.Where(t => t.Year < last);
        }

        var page = await query.OrderByDescending(t => t.Year).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListClusterTargetsResponse { ClusterTargets = { page.Take(pageSize).Select(t => t.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, [page[pageSize - 1].Year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return response;
    }

    public override async Task<Proto.ClusterTargets> UpdateClusterTargets(Proto.UpdateClusterTargetsRequest request, ServerCallContext context)
    {
        var requested = request.ClusterTargets ?? throw ServiceException.InvalidArgument("cluster_targets", "is required.");
        var year = ResourceName.Year(requested.Name, TargetsCollection, "cluster_targets.name");
        var name = $"{TargetsCollection}/{year}";
        var fields = ClusterTargetFields.All;
        var paths = UpdateMask.Resolve(request.UpdateMask, ClusterTargetFields.Paths, path => fields.Single(f => f.Path == path).Read(requested) is not null);
        var violations = fields
            .Where(f => f.Read(requested) is < 0)
            .Select(f => new FieldViolation("cluster_targets." + f.Path, "must not be negative."))
            .ToList();
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var actor = Actor.Of(context);
        var targets = await db.ClusterTargets.SingleOrDefaultAsync(t => t.Year == year, context.CancellationToken);
        var created = targets is null;
        if (targets is null)
        {
            targets = request.AllowMissing ? new Domain.ClusterTargets(year, Now, actor) : throw ServiceException.NotFound(name);
            db.ClusterTargets.Add(targets);
        }
        else
        {
            Etag.Require(requested.Etag, targets.Version, name);
        }

        // A path in the mask whose target is absent clears it.
        var changed = new List<string>();
        foreach (var field in fields.Where(f => paths.Contains(f.Path)))
        {
            var value = field.Read(requested);
            if (field.Get(targets) != value)
            {
                field.Set(targets, value);
                changed.Add(field.Path);
            }
        }

        if (changed.Count == 0 && !created)
        {
            return targets.ToProto();
        }

        if (!created)
        {
            targets.Touch(Now, actor);
        }

        var proto = targets.ToProto();
        outbox.Add(new Proto.ClusterTargetsUpdated { ClusterTargets = proto, UpdateMask = new FieldMask { Paths = { changed } } }, name, targets.Version, actor);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }
}
