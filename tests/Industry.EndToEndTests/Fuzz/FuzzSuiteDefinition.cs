namespace Industry.EndToEndTests.Fuzz;

/// <summary>
/// A suite of the fuzz's own: its plausible requests succeed against real resources (yearly targets among them), which
/// would change what other tests of a shared suite read. Not run beside another collection, to keep the machine's load
/// what the other suites were measured under.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzSuiteDefinition : ICollectionFixture<SuiteFixture>
{
    public const string Name = "fuzz";
}
