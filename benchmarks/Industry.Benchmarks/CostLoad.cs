using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Projects.V1;

namespace Industry.Benchmarks;

/// <summary>
/// The cost-per-call benchmark's (scripts/bench-gateway.sh) calls h2load cannot make: projects to list and update, and
/// UpdateProject with an etag, which changes on every write, so each caller sends the etag of its own last answer.
/// </summary>
internal static class CostLoad
{
    public const string Usage = """
        cost-seed URL TOKEN COUNT COUNTY      creates COUNT projects in COUNTY (ProjectService.CreateProject), prints their names
        cost-update URL TOKEN REQUESTS NAME…  UpdateProject with each one's etag, one caller per NAME (the calls in flight);
                                              prints "req/s p50_ms p99_ms"; exit 1 on any failed call
        """;

    public static async Task<int> SeedAsync(string[] args, CancellationToken cancellationToken)
    {
        var (client, headers) = Client(args[0], args[1]);
        for (var i = 0; i < int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture); i++)
        {
            var code = $"2024-{args[3]}-39-03-{Random.Shared.Next(1, 999_999):D6}";
            var project = await client.CreateProjectAsync(new CreateProjectRequest
            {
                Project = new Project
                {
                    DisplayName = "网关基准测试技改项目",
                    ProjectCode = code,
                    EnterpriseUscc = "91340000711771143J",
                    EnterpriseDisplayName = "基准测试企业",
                    CountyCode = args[3],
                    Industry = "IT",
                    Gbt4754Class = "C3971",
                    Nature = ProjectNature.Renovation,
                    TotalInvestmentYuan = 150_000_000,
                },
            }, headers, cancellationToken: cancellationToken);
            Console.WriteLine(project.Name);
        }

        return 0;
    }

    public static async Task<int> UpdateAsync(string[] args, CancellationToken cancellationToken)
    {
        var (client, headers) = Client(args[0], args[1]);
        var remaining = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var names = args[3..];
        var etags = await Task.WhenAll(names.Select(async n => (await client.GetProjectAsync(new GetProjectRequest { Name = n }, headers, cancellationToken: cancellationToken)).Etag));
        var latencies = new List<double>[names.Length];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(names.Select(async (name, w) =>
        {
            latencies[w] = [];
            var etag = etags[w];
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var start = Stopwatch.GetTimestamp();
                var updated = await client.UpdateProjectAsync(new UpdateProjectRequest
                {
                    Project = new Project { Name = name, Etag = etag, DisplayName = $"网关基准测试技改项目 {remaining % 100}" },
                    UpdateMask = new FieldMask { Paths = { "display_name" } },
                }, headers, cancellationToken: cancellationToken);
                latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                etag = updated.Etag != etag ? updated.Etag : throw new InvalidOperationException($"{name}: the etag did not change");
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(FormattableString.Invariant($"{all.Length / clock.Elapsed.TotalSeconds:F0} {all[all.Length / 2]:F2} {all[(int)(all.Length * 0.99)]:F2}"));
        return 0;
    }

    private static (ProjectService.ProjectServiceClient Client, Metadata Headers) Client(string url, string token) =>
        (new ProjectService.ProjectServiceClient(GrpcChannel.ForAddress(url)), new Metadata { { "authorization", "Bearer " + token } });
}
