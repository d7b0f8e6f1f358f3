using Industry.Demo.Loading;
using Industry.Demo.Plan;

namespace Industry.EndToEndTests;

/// <summary>
/// A suite of its own (fresh databases) with the demo data set loaded through its gateway, shared by the demo tests.
/// Its own so that the figures are exactly the plan's: the "suite" collection's tests create clusters, qualifications,
/// parks and targets in 2023 and 2024 too. Its collection runs alone, after the others, on an otherwise idle machine.
/// The scale is <c>INDUSTRY_DEMO_SCALE</c> (<c>full</c> or <c>tenth</c>), tenth by default, to keep the test command short:
/// the full set's 7,973 calls (82,078 records) take about two minutes on a 2-core runner (docs/demo.md); give the full
/// scale a longer hang guard than scripts/test.sh's 10 minutes on a busy machine (<c>TEST_HANG_TIMEOUT=40m</c>).
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public const string ScaleVariable = "INDUSTRY_DEMO_SCALE";

    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(15);

    private DemoLoadResult? _load;

    /// <summary>The suite the set is loaded into: started and stopped as the "suite" collection's is.</summary>
    public SuiteFixture Suite { get; } = new();

    public DemoLoadResult Load => _load ?? throw new InvalidOperationException("The demo data set is not loaded.");

    public DemoPlan Plan => Load.Plan;

    public DemoScale Scale => Plan.Scale;

    public async Task InitializeAsync()
    {
        await Suite.InitializeAsync();
        var name = Environment.GetEnvironmentVariable(ScaleVariable);
        var scale = string.IsNullOrEmpty(name) ? DemoScale.Tenth
            : DemoScale.Find(name) ?? throw new InvalidOperationException($"{ScaleVariable}={name}: expected full or tenth.");
        using var timeout = new CancellationTokenSource(LoadTimeout);
        _load = await DemoLoader.LoadAsync(Suite.Gateway, scale, progress: null, timeout.Token);
    }

    public Task DisposeAsync() => Suite.DisposeAsync();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoDefinition : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo";
}
