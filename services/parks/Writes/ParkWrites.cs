using Industry.Parks.Api;
using Industry.Parks.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Writes;

/// <summary>The park's use cases, each one write on the pipeline: create, update, delete and the certification workflow.</summary>
internal sealed class ParkWrites(ParksDbContext db)
{
    public async Task<Proto.Park> CreateAsync(Write write, string requestedId, ParkDraft draft)
    {
        ServiceException.ThrowIfAny([.. ParkRules.Check(draft), .. ResourceName.IdViolations(requestedId, "park_id")]);

        // No natural key to derive a readable id from: a server-assigned id is random, and starts with a letter (AIP-122).
        var name = Park.Collection + "/" + (requestedId.Length > 0 ? requestedId : "k-" + Guid.NewGuid().ToString("N"));
        write.RequireCity(Divisions.CityOf(draft.CountyCode)?.Code, name); // before existence is revealed
        var park = await write.AddAsync(db.Parks, name, version => Park.Create(name[(Park.Collection.Length + 1)..], draft, write.Now, write.Actor, version));
        var proto = park.ToProto();
        write.Raise(new Proto.ParkCreated { Park = proto }, park);
        return proto;
    }

    public async Task<Proto.Park> UpdateAsync(Write write, string name, string etag, ParkDraft requested, Google.Protobuf.WellKnownTypes.FieldMask? mask)
    {
        var park = await write.LoadAsync(db.Parks, Park.Collection, name, "park.name", etag);
        var merged = ParkMapping.Editable.Merge(park.ToDraft(), requested, mask);
        ServiceException.ThrowIfAny(ParkRules.Check(merged));
        if (merged.CountyCode != park.CountyCode)
        {
            write.RequireCity(Divisions.CityOf(merged.CountyCode)?.Code, park.Name); // a city editor cannot move it out
        }

        var city = park.CityCode;
        var changed = park.Revise(merged, write.Now, write.Actor);
        var proto = park.ToProto();
        if (changed.Count > 0)
        {
            write.Raise(new Proto.ParkUpdated { Park = proto, UpdateMask = new() { Paths = { changed } } }, park);
        }

        if (park.CityCode != city)
        {
            // Transformations carry their park's city (for lists and progress by city): they move with it.
            await write.ExecuteAsync(async ct =>
            {
                await db.Transformations.Where(t => t.ParkId == park.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CityCode, park.CityCode), ct);
                await db.TransformationMilestones.Where(m => m.ParkId == park.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CityCode, park.CityCode), ct);
            });
        }

        return proto;
    }

    public async Task<Google.Protobuf.WellKnownTypes.Empty> DeleteAsync(Write write, string name, string etag, bool force)
    {
        var park = await write.LoadAsync(db.Parks, Park.Collection, name, "name", etag);
        if (!ParkLifecycle.IsDeletable(park.State))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PARK_CERTIFIED",
                $"{park.Name} is {ParkLifecycle.ApiName(park.State)}; certifications are history and are not deleted.",
                new Dictionary<string, string> { ["resource"] = park.Name, ["current_state"] = ParkLifecycle.ApiName(park.State) });
        }

        await write.RefuseDeleteWhileAsync(force, db.Transformations.Where(t => t.ParkId == park.Id), "PARK_HAS_TRANSFORMATIONS", park, "transformations");

        // Each (forced) transformation is announced as if deleted alone, before the park's own deletion.
        var transformations = await db.Transformations.Where(t => t.ParkId == park.Id).OrderBy(t => t.Id).ToListAsync(write.CancellationToken);
        await write.DeleteAllAsync(db.Transformations, transformations, t => new Proto.TransformationDeleted { Transformation = t.ToProto() });
        await write.DeleteAsync(db.Parks, park, p => new Proto.ParkDeleted { Park = p.ToProto() });
        return new();
    }

    /// <summary>提交评审.</summary>
    public Task<Proto.Park> SubmitAsync(Write write, string name, string etag) =>
        MoveAsync(write, name, etag, p => p.Submit(write.Now, write.Actor), (p, previous) => new Proto.ParkSubmitted { Park = p.ToProto(), PreviousState = (Proto.ParkState)previous });

    /// <summary>认定, in a year and batch.</summary>
    public Task<Proto.Park> CertifyAsync(Write write, string name, string etag, int year, int batch)
    {
        ServiceException.ThrowIfAny(ParkRules.CheckCertification(year, batch, write.Today.Year));
        return MoveAsync(write, name, etag, p => p.Certify(year, batch, write.Now, write.Actor), (p, _) => new Proto.ParkCertified { Park = p.ToProto() });
    }

    /// <summary>未通过, with a reason.</summary>
    public Task<Proto.Park> RejectAsync(Write write, string name, string etag, string reason)
    {
        reason = FieldText.RequireReason(reason);
        return MoveAsync(write, name, etag, p => p.Reject(reason, write.Now, write.Actor), (p, _) => new Proto.ParkRejected { Park = p.ToProto() });
    }

    /// <summary>撤销, with a reason.</summary>
    public Task<Proto.Park> RevokeAsync(Write write, string name, string etag, string reason)
    {
        reason = FieldText.RequireReason(reason);
        return MoveAsync(write, name, etag, p => p.Revoke(reason, write.Now, write.Actor), (p, _) => new Proto.ParkRevoked { Park = p.ToProto() });
    }

    /// <summary>Moves the park by <paramref name="step"/> and raises the event <paramref name="moved"/> builds from it and its previous state.</summary>
    private async Task<Proto.Park> MoveAsync<TEvent>(Write write, string name, string etag, Action<Park> step, Func<Park, ParkState, TEvent> moved)
        where TEvent : Google.Protobuf.IMessage<TEvent>
    {
        var park = await write.LoadAsync(db.Parks, Park.Collection, name, "name", etag);
        var previous = park.State;
        step(park);
        write.Raise(moved(park, previous), park);
        return park.ToProto();
    }
}
