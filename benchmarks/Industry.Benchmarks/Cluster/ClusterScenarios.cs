using System.Globalization;
using Grpc.Core;
using Industry.Benchmarks.Projects;
using Industry.Clusters.V1;

namespace Industry.Benchmarks.Cluster;

/// <summary>The calls the benchmark measures, one at a time over one HTTP/2 connection, as a dashboard or a clerk makes them.</summary>
internal sealed class ClusterScenarios(ClusterService.ClusterServiceClient client, ServiceMonitor monitor)
{
    /// <summary>GetClusterProgress over the last seven years in a fixed shuffled order.</summary>
    public Task<Phase> ProgressAsync(int calls, int warmup, int currentYear, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(currentYear - 6, 7).ToArray();
        new Random(4754).Shuffle(years);
        return ProjectsScenarios.MeasureAsync("GetClusterProgress", calls, warmup, monitor, async i =>
            await client.GetClusterProgressAsync(new GetClusterProgressRequest { Year = years[i % years.Length] }, ProjectsScenarios.Options(cancellationToken)),
            cancellationToken);
    }

    /// <summary>
    /// ListEnterprises, a page of 50 with a filter, rotating over filters a city, a county, a cluster or the province
    /// would use; every other call asks for the next page of the previous call's filter. An error is recorded as "not
    /// measured" instead of failing the run.
    /// </summary>
    public async Task<Phase> ListAsync(int calls, int warmup, CancellationToken cancellationToken)
    {
        (string Filter, string OrderBy)[] queries =
        [
            ("city_code = \"340100\" AND above_size = true", string.Empty),
            ("qualification = QUALIFICATION_TYPE_SPECIALIZED_SME AND city_code = \"340200\"", string.Empty),
            ("county_code = \"341102\"", string.Empty),
            ($"cluster = \"clusters/{ClusterSeed.ClusterId(42)}\"", string.Empty),
            ("industry = \"AUTO\" AND above_size_year >= 2020", "above_size_year desc"),
            ("qualification = QUALIFICATION_TYPE_LITTLE_GIANT", string.Empty),
        ];
        var tokens = new string[queries.Length];
        try
        {
            return await ProjectsScenarios.MeasureAsync("ListEnterprises", calls, warmup, monitor, async i =>
            {
                var q = i / 2 % queries.Length;
                var request = new ListEnterprisesRequest { PageSize = 50, Filter = queries[q].Filter, OrderBy = queries[q].OrderBy };
                if (i % 2 == 1)
                {
                    request.PageToken = tokens[q];
                }

                var page = await client.ListEnterprisesAsync(request, ProjectsScenarios.Options(cancellationToken));
                tokens[q] = page.NextPageToken;
            }, cancellationToken);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"not measured: ListEnterprises failed with {ex.StatusCode} ({ex.Status.Detail})");
            return new Phase("ListEnterprises", 0, null, reason, 0, 0, double.NaN, monitor.PeakRssBytes);
        }
    }
}
