using System.Text;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// The service processes the tests and benchmarks start run with the .NET runtime settings their Kubernetes
/// configuration gives them (ADR 0028): read from the outside, in each process's environment, against the files an
/// operator edits. A benchmark of a process without them measures a service nobody deploys.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeployedRuntimeSettingsTests(SuiteFixture fixture)
{
    [Fact]
    public void EveryServiceProcess_RunsWithTheRuntimeLinesOfItsDeployedConfiguration()
    {
        var suite = fixture.Suite;
        var processes = new[] { ("cluster", suite.Cluster), ("projects", suite.Projects), ("parks", suite.Parks), ("history", suite.History), ("gateway", suite.Gateway) };
        var checkedSettings = 0;
        foreach (var (service, process) in processes)
        {
            var environment = EnvironmentOf(process.Id);
            foreach (var (key, value) in RuntimeLines("industry.env").Concat(RuntimeLines(service + ".env")))
            {
                Assert.True(environment.TryGetValue(key, out var actual) && actual == value,
                    $"{service} runs with {key}={actual ?? "(unset)"}, its deployment sets {value}");
                checkedSettings++;
            }
        }

        // The projects service's collector settings are in its configuration: the test checks something.
        Assert.True(checkedSettings >= 3, $"only {checkedSettings} runtime settings found in deploy/k8s/base/config");
    }

    private static Dictionary<string, string> EnvironmentOf(int processId) =>
        File.ReadAllText($"/proc/{processId}/environ", Encoding.UTF8)
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    private static IEnumerable<(string Key, string Value)> RuntimeLines(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, "deploy", "k8s", "base", "config", file);
        return File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith("DOTNET_", StringComparison.Ordinal)).Select(l => l.Split('=', 2)).Select(p => (p[0], p[1]))
            : [];
    }
}
