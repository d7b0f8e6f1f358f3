using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>The enterprise resource: standard methods (its qualifications and memberships have their own files).</summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.Enterprise> GetEnterprise(Proto.GetEnterpriseRequest request, ServerCallContext context) =>
        (await FindEnterpriseAsync(request.Name, "name", tracking: false, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListEnterprisesResponse> ListEnterprises(Proto.ListEnterprisesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var filter = EnterpriseListing.Filter.Translate(request.Filter);
        var order = EnterpriseListing.Order.Parse(request.OrderBy);
        var scope = PageTokenCodec.Scope(nameof(ListEnterprises), request.Filter, request.OrderBy);
        IQueryable<Enterprise> query = db.Enterprises.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        if (request.PageToken.Length > 0)
        {
            query = order.After(query, pageTokens.Decode(request.PageToken, scope));
        }

        // The page first, then its qualifications and memberships by key (split query): never a join of the whole table.
        var page = await order.Apply(query).Take(pageSize + 1)
            .Include(e => e.Qualifications).Include(e => e.Memberships).AsSplitQuery()
            .ToListAsync(context.CancellationToken);
        var response = new Proto.ListEnterprisesResponse { Enterprises = { page.Take(pageSize).Select(e => e.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, order.TokenKeys(page[pageSize - 1]));
        }

        return response;
    }

    public override Task<Proto.Enterprise> CreateEnterprise(Proto.CreateEnterpriseRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => CreateEnterpriseOnceAsync(request, context));

    private async Task<Proto.Enterprise> CreateEnterpriseOnceAsync(Proto.CreateEnterpriseRequest request, ServerCallContext context)
    {
        var proto = await AddEnterpriseAsync(request, Actor.Of(context), context.CancellationToken);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    /// <summary>Validates one enterprise and adds it with its <c>EnterpriseCreated</c> to the pending changes (CreateEnterprise and its batch).</summary>
    private async Task<Proto.Enterprise> AddEnterpriseAsync(Proto.CreateEnterpriseRequest request, string actor, CancellationToken cancellationToken)
    {
        var requested = request.Enterprise ?? throw ServiceException.InvalidArgument("enterprise", "is required.");
        var uscc = requested.Uscc.Trim().ToUpperInvariant();
        var draft = requested.ToDraft();
        var violations = EnterpriseRules.Check(draft, ChinaTime.Today(clock).Year).ToList();
        if (EnterpriseRules.UsccProblem(uscc) is { } problem)
        {
            violations.Insert(0, new FieldViolation("enterprise.uscc", problem));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        // Local: an enterprise added earlier in the same batch is not in the database yet.
        if (db.Enterprises.Local.Any(e => e.Uscc == uscc) || await db.Enterprises.AnyAsync(e => e.Uscc == uscc, cancellationToken))
        {
            throw ServiceException.AlreadyExists(Enterprise.Collection + "/" + uscc);
        }

        var previousVersion = await db.LastVersionAsync(Enterprise.Collection + "/" + uscc, cancellationToken);
        var enterprise = Enterprise.Create(uscc, draft, Now, actor, previousVersion);
        db.Enterprises.Add(enterprise);
        var proto = enterprise.ToProto();
        outbox.Add(new Proto.EnterpriseCreated { Enterprise = proto }, enterprise.Name, enterprise.Version, actor);
        return proto;
    }

    public override async Task<Proto.Enterprise> UpdateEnterprise(Proto.UpdateEnterpriseRequest request, ServerCallContext context)
    {
        var requested = request.Enterprise ?? throw ServiceException.InvalidArgument("enterprise", "is required.");
        var enterprise = await FindEnterpriseAsync(requested.Name, "enterprise.name", tracking: true, context.CancellationToken);
        Etag.Require(requested.Etag, enterprise.Version, enterprise.Name);
        if (requested.Uscc.Length > 0 && !string.Equals(requested.Uscc.Trim(), enterprise.Uscc, StringComparison.OrdinalIgnoreCase))
        {
            throw ServiceException.InvalidArgument("enterprise.uscc", "is immutable (the enterprise's id).");
        }

        var merged = EnterpriseMapping.Editable.Merge(enterprise.ToDraft(), requested.ToDraft(), request.UpdateMask);
        var violations = EnterpriseRules.Check(merged, ChinaTime.Today(clock).Year);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var actor = Actor.Of(context);
        var changed = enterprise.Revise(merged, Now, actor);
        var proto = enterprise.ToProto();
        if (changed.Count > 0)
        {
            outbox.Add(new Proto.EnterpriseUpdated { Enterprise = proto, UpdateMask = new FieldMask { Paths = { changed } } }, enterprise.Name, enterprise.Version, actor);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return proto;
    }

    public override async Task<Empty> DeleteEnterprise(Proto.DeleteEnterpriseRequest request, ServerCallContext context)
    {
        var enterprise = await FindEnterpriseAsync(request.Name, "name", tracking: true, context.CancellationToken);
        Etag.Require(request.Etag, enterprise.Version, enterprise.Name);
        var name = enterprise.Name;
        var leading = await db.Clusters.Where(c => c.ChainLeaders.Contains(name)).Select(c => c.Id).OrderBy(id => id).Take(10).ToListAsync(context.CancellationToken);
        var blocking = enterprise.Memberships
            .Select(m => new PreconditionViolation("CLUSTER_MEMBER", m.Name, "Remove the membership first."))
            .Concat(leading.Select(id => new PreconditionViolation("CHAIN_LEADER", $"{Cluster.Collection}/{id}", "Remove the enterprise from the cluster's chain_leaders first.")))
            .ToList();
        if (blocking.Count > 0)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "ENTERPRISE_IN_USE",
                $"{name} is a cluster member or chain leader ({string.Join(", ", blocking.Select(b => b.Subject))}).",
                new Dictionary<string, string> { ["resource"] = name },
                preconditionViolations: blocking);
        }

        var actor = Actor.Of(context);
        enterprise.MarkDeleted(Now, actor);
        outbox.Add(new Proto.EnterpriseDeleted { Enterprise = enterprise.ToProto() }, name, enterprise.Version, actor);
        await db.BuryAsync(name, enterprise.Version, Now, context.CancellationToken);
        db.Enterprises.Remove(enterprise); // its qualifications go with it (cascade)
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    /// <summary>The enterprise of <c>enterprises/{uscc}</c> (the id upper-cased, as stored) with its qualifications and memberships.</summary>
    private async Task<Enterprise> FindEnterpriseAsync(string name, string field, bool tracking, CancellationToken cancellationToken)
    {
        var uscc = ResourceName.Id(name, Enterprise.Collection, field).ToUpperInvariant();
        var query = tracking ? db.Enterprises : db.Enterprises.AsNoTracking();
        return await query.Include(e => e.Qualifications).Include(e => e.Memberships).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Uscc == uscc, cancellationToken) ?? throw ServiceException.NotFound(Enterprise.Collection + "/" + uscc);
    }
}
