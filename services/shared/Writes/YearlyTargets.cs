using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Filtering;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// A programme's targets for one year (<c>clusterTargets/2024</c>, <c>digitalTargets/2024</c>, <c>plans/2024</c>): one
/// resource per year, keyed by the year, listed latest first and written only by an upsert
/// (<see cref="YearlyTargetsMethods.UpsertAsync"/>). A target never set is <see langword="null"/>, so that progress
/// reports "no target" rather than 0.
/// </summary>
public abstract class YearlyTargets : VersionedResource
{
    private protected YearlyTargets()
    {
    }

    private protected YearlyTargets(int year) => Year = year;

    public int Year { get; private set; }
}

/// <summary>Yearly targets whose values travel as a <typeparamref name="TDraft"/>, declared by a <see cref="TargetFields{TDraft}"/>.</summary>
public abstract class YearlyTargets<TDraft> : YearlyTargets
{
    protected YearlyTargets()
    {
    }

    protected YearlyTargets(int year)
        : base(year)
    {
    }

    /// <summary>The stored values, to merge an update into.</summary>
    public abstract TDraft ToDraft();

    /// <summary>Stores <paramref name="draft"/> (already checked) and returns the paths of the targets that changed, in their declared order.</summary>
    public abstract IReadOnlyList<string> Revise(TDraft draft, DateTime now, string actor);

    /// <summary>
    /// Starts the year's targets with <paramref name="draft"/> and returns the paths it sets: version 1 in any case, since
    /// new targets are written even when they set nothing. Targets are never deleted, so a year has no earlier versions.
    /// </summary>
    public IReadOnlyList<string> Start(TDraft draft, DateTime now, string actor)
    {
        Begin(now, 0);
        var changed = Revise(draft, now, actor);
        if (changed.Count == 0)
        {
            Touch(now, actor);
        }

        return changed;
    }

    /// <summary>Per-city targets in the one order they are stored and compared in, by city code.</summary>
    protected static List<T> ByCity<T>(IEnumerable<T> cities, Func<T, string> cityCode) => [.. cities.OrderBy(cityCode, StringComparer.Ordinal)];
}

/// <summary>
/// An upsert of a year's targets (AIP-134 with <c>allow_missing</c>), as its request gives it.
/// </summary>
/// <param name="Field">The request field holding the targets (<c>digital_targets</c>), the prefix of its errors' fields.</param>
/// <param name="Name">The targets' name as the caller sent it.</param>
/// <param name="Etag">The caller's etag; empty for an unconditional write. Not checked when the targets are created.</param>
/// <param name="Values">The request's values, <see langword="null"/> for a target it leaves out.</param>
/// <param name="Mask">The update mask; without one, the targets the request sets.</param>
/// <param name="AllowMissing">Whether absent targets are created (else NOT_FOUND).</param>
public sealed record TargetsUpdate<TDraft>(string Field, string Name, string Etag, TDraft Values, FieldMask? Mask, bool AllowMissing);

/// <summary>The methods of every service's yearly targets: the one upsert, the list and the get.</summary>
public static class YearlyTargetsMethods
{
    /// <summary>
    /// Sets the year's targets: the name, the mask and the values are checked before anything is read; absent targets
    /// are created when the update allows it, present ones must match its etag. The masked targets are taken from the
    /// request (one it leaves out is cleared), the rest kept. Raises the event <paramref name="updated"/> builds with
    /// the paths that changed, in their declared order, and returns the targets; an update of existing targets that
    /// changes nothing writes nothing, while new targets are written even when they set nothing.
    /// </summary>
    /// <param name="write">The write in progress.</param>
    /// <param name="set">The targets' table.</param>
    /// <param name="fields">The targets' declarations.</param>
    /// <param name="update">The request.</param>
    /// <param name="create">New targets of a year.</param>
    /// <param name="toProto">The targets on the wire.</param>
    /// <param name="updated">The event, from the targets on the wire and the changed paths.</param>
    public static async Task<TProto> UpsertAsync<T, TDraft, TProto, TEvent>(
        this Write write, DbSet<T> set, TargetFields<TDraft> fields, TargetsUpdate<TDraft> update, Func<int, T> create, Func<T, TProto> toProto, Func<TProto, FieldMask, TEvent> updated)
        where T : YearlyTargets<TDraft>
        where TEvent : IMessage<TEvent>
    {
        var year = ResourceName.Year(update.Name, fields.Collection, update.Field + ".name");
        var name = fields.Collection + "/" + year;
        fields.Resolve(update.Values, update.Mask);
        ServiceException.ThrowIfAny(fields.Check(update.Values, update.Field + "."));

        var targets = await set.SingleOrDefaultAsync(t => t.Year == year, write.CancellationToken);
        IReadOnlyList<string> changed;
        if (targets is null)
        {
            targets = update.AllowMissing ? create(year) : throw ServiceException.NotFound(name);
            changed = targets.Start(fields.Merge(targets.ToDraft(), update.Values, update.Mask), write.Now, write.Actor);
            set.Add(targets);
        }
        else
        {
            Etag.Require(update.Etag, targets.Version, name);
            changed = targets.Revise(fields.Merge(targets.ToDraft(), update.Values, update.Mask), write.Now, write.Actor);
            if (changed.Count == 0)
            {
                return toProto(targets);
            }
        }

        var proto = toProto(targets);
        write.Raise(updated(proto, new FieldMask { Paths = { changed } }), targets);
        return proto;
    }

    /// <summary>
    /// A page of the targets, latest year first (an AIP-132 list without filter or order), and how many years have targets
    /// (AIP-158 <c>total_size</c>: one row per year, so the count costs nothing).
    /// </summary>
    public static async Task<(List<T> Items, string NextPageToken, int TotalSize)> ListTargetsAsync<T>(this PageTokenCodec tokens, IQueryable<T> set, IMessage request, CancellationToken cancellationToken)
        where T : YearlyTargets
    {
        var (items, next) = await tokens.ListAsync(set.AsNoTracking(), null, LatestFirst<T>.Order, request, cancellationToken);
        return (items, next, await set.CountAsync(cancellationToken));
    }

    /// <summary>The targets named <paramref name="name"/> (<c>{collection}/{year}</c>), untracked; NOT_FOUND when the year has none.</summary>
    public static async Task<T> GetTargetsAsync<T>(this IQueryable<T> set, string collection, string name, CancellationToken cancellationToken)
        where T : YearlyTargets
    {
        var year = ResourceName.Year(name, collection);
        return await set.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, cancellationToken) ?? throw ServiceException.NotFound(name);
    }

    private static class LatestFirst<T>
        where T : YearlyTargets
    {
        /// <summary>The year is unique, so no tie-breaker follows it (the name, given as the schema's tie-breaker, is never read).</summary>
        public static readonly SortSchema<T> Order = new SortSchema<T>(t => t.Name, "year desc").Field("year", t => t.Year, unique: true);
    }
}
