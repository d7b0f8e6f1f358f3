using Google.Protobuf.WellKnownTypes;
using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Api;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>
/// The enterprise's use cases, each one write on the pipeline: create, update, delete, the qualifications along the
/// cultivation ladder, and the batches of creates and grants (every item in the one write).
/// </summary>
internal sealed class EnterpriseWrites(ClusterDbContext db)
{
    public async Task<Proto.Enterprise> CreateAsync(Write write, Proto.Enterprise? requested)
    {
        requested = RequiredFields.Required(requested, "enterprise");
        var uscc = requested.Uscc.Trim().ToUpperInvariant();
        var draft = requested.ToDraft();
        ServiceException.ThrowIfAny([
            .. Uscc.Problem(uscc) is { } problem ? [new FieldViolation("enterprise.uscc", problem)] : Array.Empty<FieldViolation>(),
            .. EnterpriseRules.Check(draft, write.Today.Year)]);

        // Local: an enterprise added earlier in the same batch is not in the database yet.
        var name = Enterprise.Collection + "/" + uscc;
        if (db.Enterprises.Local.Any(e => e.Uscc == uscc) || await db.Enterprises.AnyAsync(e => e.Uscc == uscc, write.CancellationToken))
        {
            throw ServiceException.AlreadyExists(name);
        }

        var enterprise = await write.AddAbsentAsync(db.Enterprises, name, version => Enterprise.Create(uscc, draft, write.Now, write.Actor, version));
        return write.Raise(enterprise.ToProto(), p => new Proto.EnterpriseCreated { Enterprise = p }, enterprise);
    }

    public async Task<Proto.BatchCreateEnterprisesResponse> BatchCreateAsync(Write write, IReadOnlyList<Proto.CreateEnterpriseRequest> items) =>
        new() { Enterprises = { await BatchItems.EachAsync(db, items, (item, _) => CreateAsync(write, item.Enterprise)) } };

    public async Task<Proto.Enterprise> UpdateAsync(Write write, Proto.Enterprise? requested, FieldMask? mask)
    {
        requested = RequiredFields.Required(requested, "enterprise");
        var enterprise = await LoadAsync(write, requested.Name, "enterprise.name", requested.Etag);
        if (requested.Uscc.Length > 0 && !string.Equals(requested.Uscc.Trim(), enterprise.Uscc, StringComparison.OrdinalIgnoreCase))
        {
            throw ServiceException.InvalidArgument("enterprise.uscc", "is immutable (the enterprise's id).");
        }

        var stored = enterprise.ToDraft();
        var merged = EnterpriseRules.WithExit(stored, EnterpriseMapping.Editable.Merge(stored, requested.ToDraft(), mask), write.Today.Year);
        ServiceException.ThrowIfAny(EnterpriseRules.Check(merged, write.Today.Year));
        var changed = enterprise.Revise(merged, write.Now, write.Actor);
        return write.RaiseIfChanged(changed, enterprise.ToProto(), (p, mask) => new Proto.EnterpriseUpdated { Enterprise = p, UpdateMask = mask }, enterprise);
    }

    /// <summary>FAILED_PRECONDITION <c>ENTERPRISE_IN_USE</c> while it is a cluster member or a chain leader; its qualifications and per-mu evaluations go with it.</summary>
    public async Task<Empty> DeleteAsync(Write write, string name, string etag)
    {
        var enterprise = await LoadAsync(write, name, "name", etag);
        name = enterprise.Name;
        var leading = await db.Clusters.Where(c => c.ChainLeaders.Contains(name)).Select(c => c.Id).OrderBy(id => id).Take(10).ToListAsync(write.CancellationToken);
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

        // Its per-mu evaluations go with it, announced by EnterpriseDeleted; their tombstones keep their versions rising.
        await write.RemoveAllAsync(db.PerMuEvaluations, await db.PerMuEvaluations.Where(e => e.Uscc == enterprise.Uscc).ToListAsync(write.CancellationToken));
        await write.DeleteAsync(db.Enterprises, enterprise, e => new Proto.EnterpriseDeleted { Enterprise = e.ToProto() });
        return new();
    }

    /// <summary>资质认定: grants a qualification in a year, along the ladder.</summary>
    public async Task<Proto.Enterprise> GrantAsync(Write write, Proto.GrantQualificationRequest request)
    {
        var type = (QualificationType)request.Type;
        var validFrom = request.ValidFrom.ToDateOnly("valid_from");
        var validUntil = request.ValidUntil.ToDateOnly("valid_until");
        ServiceException.ThrowIfAny(QualificationLadder.CheckGrant(type, request.Year, write.Today.Year, validFrom, validUntil));
        var enterprise = await LoadAsync(write, request.Name, "name", request.Etag);
        var qualification = enterprise.Grant(type, request.Year, write.Now, write.Actor, validFrom, validUntil);
        return write.Raise(enterprise.ToProto(), p => new Proto.EnterpriseQualified { Enterprise = p, Qualification = qualification.ToProto() }, enterprise);
    }

    public async Task<Proto.BatchGrantQualificationsResponse> BatchGrantAsync(Write write, IReadOnlyList<Proto.GrantQualificationRequest> items) =>
        new() { Enterprises = { await BatchItems.EachAsync(db, items, (item, _) => GrantAsync(write, item)) } };

    /// <summary>Revokes a qualification (marks it, with the reason), unless another is built on it.</summary>
    public async Task<Proto.Enterprise> RevokeQualificationAsync(Write write, string name, string etag, QualificationType type, string reason)
    {
        reason = reason.Trim();
        ServiceException.ThrowIfAny(new Violations()
            .Add("type", System.Enum.IsDefined(type) ? null : $"must be a qualification type; {QualificationLadder.ApiName(type)} is not.")
            .Add("reason", FieldText.ReasonProblem(reason)));
        var enterprise = await LoadAsync(write, name, "name", etag);
        var revoked = enterprise.Revoke(type, reason, write.Now, write.Actor);
        return write.Raise(enterprise.ToProto(), p => new Proto.QualificationRevoked { Enterprise = p, Qualification = revoked.ToProto(), Reason = reason }, enterprise);
    }

    /// <summary>复核: re-reviews a held qualification; a pass extends its term, a failure revokes it.</summary>
    public async Task<Proto.Enterprise> ReviewQualificationAsync(Write write, Proto.ReviewQualificationRequest request)
    {
        var type = (QualificationType)request.Type;
        var outcome = (QualificationReviewOutcome)request.Outcome;
        var validUntil = request.ValidUntil.ToDateOnly("valid_until");
        ServiceException.ThrowIfAny(QualificationReview.Check(type, outcome, validUntil));
        var enterprise = await LoadAsync(write, request.Name, "name", request.Etag);
        var (reviewed, previousValidUntil) = enterprise.Review(type, outcome, validUntil, write.Now, write.Actor);
        return write.Raise(enterprise.ToProto(), p => new Proto.QualificationReviewed
        {
            Enterprise = p,
            Qualification = reviewed.ToProto(),
            Outcome = request.Outcome,
            PreviousValidUntil = previousValidUntil.ToProtoDate(),
        }, enterprise);
    }

    /// <summary>The enterprise of <c>enterprises/{uscc}</c> (the id upper-cased, as stored), tracked, with its qualifications and memberships.</summary>
    public Task<Enterprise> LoadAsync(Write write, string name, string field, string? etag)
    {
        var uscc = ResourceName.Id(name, Enterprise.Collection, field).ToUpperInvariant();
        return write.LoadAsync(
            db.Enterprises.Include(e => e.Qualifications).Include(e => e.Memberships).AsSplitQuery().Where(e => e.Uscc == uscc),
            Enterprise.Collection + "/" + uscc,
            etag);
    }
}
