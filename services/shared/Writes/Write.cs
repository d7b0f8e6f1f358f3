using Google.Protobuf;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// One write in progress, handed by <see cref="WritePipeline"/> to a handler: who writes and when, and the steps every
/// write shares (load with the city rule and the etag, create under a free name, raise an event, delete with its
/// tombstone, run a set-based statement in the write's transaction). The handler holds the use case's own rules; the
/// pipeline saves what it changed, with its events and its idempotency record, in one transaction.
/// </summary>
public sealed class Write
{
    private readonly DbContext _db;
    private readonly EventOutbox _outbox;
    private IDbContextTransaction? _transaction;

    internal Write(DbContext db, EventOutbox outbox, TimeProvider clock, WriteCall call)
    {
        (_db, _outbox) = (db, outbox);
        Caller = call.Caller;
        Actor = call.Caller.Subject.Length > 0 ? call.Caller.Subject : Hosting.Actor.Anonymous;
        Now = WireTime.UtcNow(clock);
        Today = ChinaTime.Today(clock);
        CancellationToken = call.CancellationToken;
    }

    public Caller Caller { get; }

    /// <summary>The caller's subject, recorded on the resource and carried by its events.</summary>
    public string Actor { get; }

    /// <summary>The write's time, at the precision the database keeps, so that stored rows and event bodies agree.</summary>
    public DateTime Now { get; }

    /// <summary>Today in China: the date rules (no future dates, the current year) are in the department's calendar.</summary>
    public DateOnly Today { get; }

    public CancellationToken CancellationToken { get; }

    internal IDbContextTransaction? Transaction => _transaction;

    /// <summary>
    /// Lets a province admin through, and a city editor only when <paramref name="cityCode"/> is its city; else
    /// PERMISSION_DENIED. <see langword="null"/> for an absent resource, so a city editor cannot tell it from another
    /// city's (AIP-211).
    /// </summary>
    public void RequireCity(string? cityCode, string resource)
    {
        if (!Caller.MayWriteCity(cityCode))
        {
            throw CallerAccess.OutsideCity(Caller, resource);
        }
    }

    /// <summary>
    /// Lets a county editor through only when <paramref name="countyCode"/> is its county, everyone else by
    /// <see cref="RequireCity"/>; else PERMISSION_DENIED, for an absent resource (<see langword="null"/>) too.
    /// </summary>
    public void RequireCounty(string? cityCode, string? countyCode, string resource)
    {
        if (!Caller.MayWriteCounty(cityCode, countyCode))
        {
            throw Caller.IsCountyEditor ? CallerAccess.OutsideCounty(Caller, resource) : CallerAccess.OutsideCity(Caller, resource);
        }
    }

    /// <summary>
    /// The resource named <paramref name="name"/> (<c>{collection}/{id}</c>), tracked, after the city rule when it is
    /// <see cref="ICityScoped"/> (and the county rule when <see cref="ICountyScoped"/>) and the etag when one is given;
    /// NOT_FOUND when absent.
    /// </summary>
    /// <param name="set">The resource's table; its key is the string property <c>Id</c>.</param>
    /// <param name="collection">The collection in its name, <c>parks</c>.</param>
    /// <param name="name">The name as the caller sent it.</param>
    /// <param name="field">The request field that holds it, for INVALID_ARGUMENT.</param>
    /// <param name="etag">The caller's etag, or empty for an unconditional write.</param>
    public async Task<T> LoadAsync<T>(DbSet<T> set, string collection, string name, string field, string? etag)
        where T : VersionedResource
    {
        var id = ResourceName.Id(name, collection, field);
        return Checked(await TrackedById<T>.Query(set.GetService<ICurrentDbContext>().Context, id, CancellationToken), name, etag);
    }

    /// <summary>As <see cref="LoadAsync{T}(DbSet{T}, string, string, string, string?)"/>, for a resource already selected by <paramref name="match"/>.</summary>
    public async Task<T> LoadAsync<T>(IQueryable<T> match, string name, string? etag)
        where T : VersionedResource =>
        Checked(await match.SingleOrDefaultAsync(CancellationToken), name, etag);

    /// <summary>The city and county rules, existence and the etag, in that order, on what a load found.</summary>
    private T Checked<T>(T? resource, string name, string? etag)
        where T : VersionedResource
    {
        if (resource is ICityScoped || (resource is null && typeof(ICityScoped).IsAssignableFrom(typeof(T))))
        {
            RequireCounty((resource as ICityScoped)?.CityCode, (resource as ICountyScoped)?.CountyCode, name);
        }

        if (resource is null)
        {
            throw ServiceException.NotFound(name);
        }

        Etag.Require(etag, resource.Version, resource.Name);
        return resource;
    }

    /// <summary>
    /// Adds the resource <paramref name="create"/> builds under <paramref name="name"/>, after checking that the name is
    /// free (ALREADY_EXISTS otherwise), as <see cref="AddAbsentAsync"/> adds it.
    /// </summary>
    public async Task<T> AddAsync<T>(DbSet<T> set, string name, Func<long, T> create)
        where T : VersionedResource
    {
        var id = name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (await set.AnyAsync(r => EF.Property<string>(r, "Id") == id, CancellationToken))
        {
            throw ServiceException.AlreadyExists(name);
        }

        return await AddAbsentAsync(set, name, create);
    }

    /// <summary>
    /// Adds the resource <paramref name="create"/> builds under <paramref name="name"/>, which the handler has found free
    /// by its own rule (a project's id or code; a period not reported yet, where a stored one is replaced instead).
    /// <paramref name="create"/> gets the version of a deleted resource of that name to go on from (0 for a name never
    /// used): every resource is created here, so no re-creation restarts at version 1 and is skipped by consumers.
    /// </summary>
    public async Task<T> AddAbsentAsync<T>(DbSet<T> set, string name, Func<long, T> create)
        where T : VersionedResource
    {
        var resource = create(await _db.LastVersionAsync(name, CancellationToken));
        set.Add(resource);
        return resource;
    }

    /// <summary>Raises <paramref name="event"/> about <paramref name="subject"/> at its current version; it commits with the write.</summary>
    public void Raise<TEvent>(TEvent @event, VersionedResource subject)
        where TEvent : IMessage<TEvent> =>
        _outbox.Add(@event, subject.Name, subject.Version, Actor);

    /// <summary>
    /// Raises <paramref name="event"/> about <paramref name="subject"/>, a part of a resource that versions it (a
    /// membership, counted in its enterprise's versions), at <paramref name="version"/>.
    /// </summary>
    public void Raise<TEvent>(TEvent @event, string subject, long version)
        where TEvent : IMessage<TEvent> =>
        _outbox.Add(@event, subject, version, Actor);

    /// <summary>
    /// Deletes <paramref name="resource"/>: its last version, the event <paramref name="deleted"/> builds from it, and the
    /// tombstone that keeps its name's versions rising. Only its parts (rows that are not resources of their own, named
    /// and versioned by it) go with it by the database's cascade; a child resource is deleted first, by
    /// <see cref="DeleteAllAsync"/>, so that it is announced.
    /// </summary>
    public async Task DeleteAsync<T, TEvent>(DbSet<T> set, T resource, Func<T, TEvent> deleted)
        where T : VersionedResource
        where TEvent : IMessage<TEvent>
    {
        resource.MarkDeleted(Now, Actor);
        Raise(deleted(resource), resource);
        await RemoveAsync(set, resource);
    }

    /// <summary>
    /// <see cref="DeleteAsync"/> for each of <paramref name="resources"/> (loaded tracked), the children a forced delete
    /// takes along: each raises its own deletion at its own last version, as if deleted alone.
    /// </summary>
    public async Task DeleteAllAsync<T, TEvent>(DbSet<T> set, IReadOnlyList<T> resources, Func<T, TEvent> deleted)
        where T : VersionedResource
        where TEvent : IMessage<TEvent>
    {
        await _db.LoadTombstonesAsync([.. resources.Select(r => r.Name)], CancellationToken);
        foreach (var resource in resources)
        {
            await DeleteAsync(set, resource, deleted);
        }
    }

    /// <summary>
    /// Removes <paramref name="resources"/> (loaded tracked) without events of their own: resources whose changes are
    /// events of another subject (a project's investment reports, announced as the project's), whose deletion that
    /// subject's event announces. Their tombstones keep their etags rising if they are created again.
    /// </summary>
    public async Task RemoveAllAsync<T>(DbSet<T> set, IReadOnlyList<T> resources)
        where T : VersionedResource
    {
        await _db.LoadTombstonesAsync([.. resources.Select(r => r.Name)], CancellationToken);
        foreach (var resource in resources)
        {
            await RemoveAsync(set, resource);
        }
    }

    /// <summary>As <see cref="RemoveAllAsync"/>, for one.</summary>
    public async Task RemoveAsync<T>(DbSet<T> set, T resource)
        where T : VersionedResource
    {
        await _db.BuryAsync(resource.Name, resource.Version, Now, CancellationToken);
        set.Remove(resource);
    }

    /// <summary>
    /// FAILED_PRECONDITION <paramref name="reason"/> when <paramref name="resource"/> still has <paramref name="children"/>
    /// and the caller did not <paramref name="force"/> the delete.
    /// </summary>
    public async Task RefuseDeleteWhileAsync<TChild>(bool force, IQueryable<TChild> children, string reason, VersionedResource resource, string what)
    {
        if (!force && await children.AnyAsync(CancellationToken))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, reason,
                $"{resource.Name} has {what}; delete them first or set force.",
                new Dictionary<string, string> { ["resource"] = resource.Name });
        }
    }

    /// <summary>
    /// Runs a set-based statement (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) in the write's transaction, begun here if
    /// it is the first; the pipeline commits it with the tracked changes.
    /// </summary>
    public async Task ExecuteAsync(Func<CancellationToken, Task> statement)
    {
        _transaction ??= await _db.Database.BeginTransactionAsync(CancellationToken);
        await statement(CancellationToken);
    }

    /// <summary>
    /// The tracked load by name, compiled once per resource type: every update, delete and state change starts with it,
    /// and EF Core's per-call query handling was a large share of a write's own CPU (ADR 0033).
    /// </summary>
    private static class TrackedById<T>
        where T : class
    {
        public static readonly Func<DbContext, string, CancellationToken, Task<T?>> Query =
            EF.CompileAsyncQuery((DbContext db, string id, CancellationToken _) =>
                db.Set<T>().AsTracking().SingleOrDefault(r => EF.Property<string>(r, "Id") == id));
    }
}
