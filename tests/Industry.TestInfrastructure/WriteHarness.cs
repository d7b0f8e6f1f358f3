using Google.Protobuf;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Security;
using Industry.ServiceDefaults.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Industry.TestInfrastructure;

/// <summary>Starts a <see cref="WriteHarness{TContext}"/>, and the callers tests write as.</summary>
public static class WriteHarness
{
    public static readonly Caller Admin = new("admin-1", Roles.ProvinceAdmin, null);

    /// <summary>A city editor of <paramref name="cityCode"/>.</summary>
    public static Caller CityEditor(string cityCode) => new($"editor-{cityCode}", Roles.CityEditor, cityCode);

    /// <summary>A county editor of <paramref name="countyCode"/> (区县填报员).</summary>
    public static Caller CountyEditor(string countyCode) => new($"county-editor-{countyCode}", Roles.CountyEditor, null, countyCode);

    /// <summary>A harness on a new, migrated database.</summary>
    /// <param name="service">The service's name (the events' source).</param>
    /// <param name="create">The SQLite context's constructor.</param>
    /// <param name="clock">The clock the writes see; the system clock when omitted.</param>
    public static async Task<WriteHarness<TContext>> StartAsync<TContext>(string service, Func<DbContextOptions<TContext>, TContext> create, TimeProvider? clock = null)
        where TContext : DbContext
    {
        var harness = new WriteHarness<TContext>(service, create, clock ?? TimeProvider.System);
        await using var db = harness.NewContext();
        await db.Database.MigrateAsync();
        return harness;
    }
}

/// <summary>
/// A service's write handlers run in-process on a throwaway SQLite database, migrated as the service migrates it: the
/// real pipeline (idempotency, outbox, one save), no process and no broker. Each call gets a fresh context, as each
/// gRPC call does, so a test sees what was committed and nothing else.
/// </summary>
/// <typeparam name="TContext">The service's (SQLite) context type.</typeparam>
public sealed class WriteHarness<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"write-harness-{Guid.NewGuid():N}.db");
    private readonly Func<DbContextOptions<TContext>, TContext> _create;
    private readonly ServiceIdentity _identity;

    internal WriteHarness(string service, Func<DbContextOptions<TContext>, TContext> create, TimeProvider clock)
    {
        (_identity, _create, Clock) = (new ServiceIdentity(service), create, clock);
    }

    public TimeProvider Clock { get; }

    /// <summary>Interceptors every new context gets, after the service's own: how a test injects a database fault.</summary>
    public List<IInterceptor> Interceptors { get; } = [];

    /// <summary>A context of its own on the harness's database, for arranging data and reading results.</summary>
    public TContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(DatabaseProvider.Sqlite, $"Data Source={_path}").AddInterceptors(Interceptors);
        return _create(options.Options);
    }

    /// <summary>
    /// Runs <paramref name="handler"/> as the write of <paramref name="request"/> by <paramref name="caller"/> (the
    /// province admin when omitted) through the pipeline, on a fresh context.
    /// </summary>
    public async Task<TResponse> WriteAsync<TRequest, TResponse>(TRequest request, Func<TContext, Write, Task<TResponse>> handler, Caller? caller = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        await using var db = NewContext();
        var pipeline = new WritePipeline(db, new EventOutbox(db, _identity, Clock), new RequestIdempotency(db, Clock), Clock);
        var method = $"/harness/{request.Descriptor.Name[..^"Request".Length]}";
        return await pipeline.RunAsync(request, new WriteCall(method, caller ?? WriteHarness.Admin, CancellationToken.None), w => handler(db, w));
    }

    /// <summary>The events committed so far, oldest first: their types and subjects.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> EventsAsync()
    {
        await using var db = NewContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
