using Microsoft.EntityFrameworkCore;

namespace Industry.TestInfrastructure;

/// <summary>
/// Base of a service's handler tests: each test (xUnit makes an instance per test) gets a <see cref="WriteHarness{TContext}"/>
/// on a new, migrated database, deleted after it. A class that needs rows before every test overrides
/// <see cref="InitializeAsync"/> and calls the base first.
/// </summary>
/// <typeparam name="TContext">The service's SQLite context type, built from its options.</typeparam>
/// <param name="service">The service's name (the events' source).</param>
public abstract class WriteHarnessTests<TContext>(string service) : IAsyncLifetime
    where TContext : DbContext
{
    protected WriteHarness<TContext> Harness { get; private set; } = null!;

    public virtual async Task InitializeAsync() =>
        Harness = await WriteHarness.StartAsync<TContext>(service, o => (TContext)Activator.CreateInstance(typeof(TContext), o)!);

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
