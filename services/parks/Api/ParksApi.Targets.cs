using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>数字化转型年度目标: the year's targets, listed latest first and set by an upsert.</summary>
internal sealed partial class ParksApi
{
    public override async Task<Proto.ListDigitalTargetsResponse> ListDigitalTargets(Proto.ListDigitalTargetsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var scope = PageTokenCodec.Scope(nameof(ListDigitalTargets));
        var query = db.DigitalTargets.AsNoTracking();
        if (request.PageToken.Length > 0)
        {
            var keys = pageTokens.Decode(request.PageToken, scope);
            if (keys.Count != 1 || !int.TryParse(keys[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lastYear))
            {
                throw ServiceException.InvalidArgument("page_token", "is not a token of ListDigitalTargets; start again without a page_token.");
            }

            query = query.Where(t => t.Year < lastYear);
        }

        var page = await query.OrderByDescending(t => t.Year).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListDigitalTargetsResponse { DigitalTargets = { page.Take(pageSize).Select(t => t.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, [page[pageSize - 1].Year.ToString(CultureInfo.InvariantCulture)]);
        }

        return response;
    }

    public override async Task<Proto.DigitalTargets> UpdateDigitalTargets(Proto.UpdateDigitalTargetsRequest request, ServerCallContext context)
    {
        var update = DigitalTargetsUpdateRequest.From(request);
        var name = "digitalTargets/" + update.Year;
        var actor = Actor.Of(context);
        var now = Now;

        var targets = await db.DigitalTargets.SingleOrDefaultAsync(t => t.Year == update.Year, context.CancellationToken);
        if (targets is null)
        {
            targets = request.AllowMissing ? new Domain.DigitalTargets(update.Year, now, actor) : throw ServiceException.NotFound(name);
            db.DigitalTargets.Add(targets);
        }
        else
        {
            Etag.Require(update.Etag, targets.Version, name);
        }

        var changed = update.ApplyTo(targets, now, actor);
        if (changed.Count == 0 && db.Entry(targets).State != EntityState.Added)
        {
            return targets.ToProto();
        }

        var proto = targets.ToProto();
        outbox.Add(new Proto.DigitalTargetsUpdated { DigitalTargets = proto, UpdateMask = new FieldMask { Paths = { changed } } }, name, targets.Version, actor);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }
}
